internal import CLibXML2

/// A configured article's `select`, evaluated by libxml2's XPath on the parsed page: the body is
/// narrowed to the matched elements (and the JSON-LD scripts, whose structured data still names
/// the entries), while the head stays as it was.
///
///     <body><aside>Most read: …</aside><div id="live"><p>12:01 Talks resume</p></div></body>
///     select "//*[@id='live']" → <body><div id="live"><p>12:01 Talks resume</p></div></body>
enum HTMLSelection {
    /// Why libxml2 cannot compile `xpath`, nil when it can.
    static func problem(compiling xpath: String) -> String? {
        HTMLDocument.initializeParser()
        guard let context = xmlXPathNewContext(nil) else { return "libxml2 could not set up XPath" }
        defer { xmlXPathFreeContext(context) }
        context.pointee.error = silence
        guard let compiled = xmlXPathCtxtCompile(context, xpath) else {
            return context.pointee.lastError.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
                ?? "invalid XPath"
        }
        xmlXPathFreeCompExpr(compiled)
        return nil
    }

    /// libxml2's errors go here rather than to standard error; the context keeps the last one.
    private static let silence: xmlStructuredErrorFunc = { _, _ in }

    /// The kept script elements: structured data about the page.
    static let structuredData = "//script[contains(@type,'ld+json')]"
}

extension HTMLDocument {
    /// Narrows the body to the elements `xpath` selects inside it (see ``HTMLSelection``); the
    /// number of those (0: nothing of the body was selected, and it is left empty). A selection
    /// holding the body itself, or an element around it (`html`, `*`), holds all of it: the body
    /// is left as it is.
    func narrow(to xpath: String) -> Int {
        guard let context = xmlXPathNewContext(document) else { return 0 }
        defer { xmlXPathFreeContext(context) }
        context.pointee.error = { _, _ in }
        let selected = elements(matching: xpath, context: context)
        let scripts = elements(matching: HTMLSelection.structuredData, context: context)
        guard let root = xmlDocGetRootElement(document) else { return 0 }
        var body = root.pointee.children
        while let node = body, !(node.pointee.type == XML_ELEMENT_NODE && String(cString: node.pointee.name) == "body") {
            body = node.pointee.next
        }
        guard let body else { return 0 }
        if selected.contains(where: { $0 == body || isInside(body, $0) }) { return selected.count }
        // The selected elements and the scripts in the body, outermost only, in document order.
        let inBody = (selected + scripts).filter { isInside($0, body) }
        let chosen = Set(inBody)
        let kept = inBody.filter { node in
            var parent = node.pointee.parent
            while let ancestor = parent, ancestor != body {
                if chosen.contains(ancestor) { return false }
                parent = ancestor.pointee.parent
            }
            return true
        }
        var seen = Set<xmlNodePtr>()
        let ordered = documentOrder(kept.filter { seen.insert($0).inserted })
        ordered.forEach { xmlUnlinkNode($0) }
        while let child = body.pointee.children {
            xmlUnlinkNode(child)
            xmlFreeNode(child)
        }
        ordered.forEach { xmlAddChild(body, $0) }
        return selected.filter { isInside($0, body) }.count
    }

    private func elements(matching xpath: String, context: xmlXPathContextPtr) -> [xmlNodePtr] {
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { index in
            set.pointee.nodeTab[index].flatMap { $0.pointee.type == XML_ELEMENT_NODE ? $0 : nil }
        }
    }

    private func isInside(_ node: xmlNodePtr, _ ancestor: xmlNodePtr) -> Bool {
        var parent = node.pointee.parent
        while let here = parent {
            if here == ancestor { return true }
            parent = here.pointee.parent
        }
        return false
    }

    /// `nodes` sorted as they stand in the document.
    private func documentOrder(_ nodes: [xmlNodePtr]) -> [xmlNodePtr] {
        nodes.sorted { xmlXPathCmpNodes($0, $1) > 0 }
    }
}
