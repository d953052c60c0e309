"""Load entries from /work/shared/corpus/liveblogs and turn the corpus's lower-cased,
tokenised sentences back into ordinary prose (detokenise + re-case with a hand-made
list of proper nouns)."""
import json, re, os, datetime

CORPUS = os.environ.get("REDLINE_CORPUS", os.path.join(os.path.dirname(__file__), "../../../../shared/corpus"))
if not os.path.isdir(CORPUS):
    CORPUS = "/work/shared/corpus"

MOJIBAKE = [("â\x80\x98", "‘"), ("â\x80\x99", "’"), ("â\x80\x9c", "“"), ("â\x80\x9d", "”"), ("â\x80¦", "…"),
            ("â\x80\x93", "–"), ("â\x80\x94", "—"), ("â£", "£"), ("ã©", "é"), ("ã§", "ç"), ("ã¸", "ø"), ("ã±", "ñ"),
            ("ã¹", "ù"), ("â", "’"), ("\x80¦", "…"), ("\x80\x98", "‘"), ("\x80\x99", "’")]

CREDIT = re.compile(r"\s*\b[\w\-]+(?: [\w\-]+)?/(?:pa|epa|afp|getty images|getty|reuters|rex|shutterstock|ap|ap photo|rex/shutterstock)\b(?: images)?", re.I)

def detok(s):
    s = s.strip()
    for a, b in MOJIBAKE:
        s = s.replace(a, b)
    s = re.sub(r"[\x80-\x9f\ufffd]", "", s)
    s = s.replace("â", "’")
    s = CREDIT.sub("", s)
    s = s.replace("`` ", '"').replace(" ''", '"').replace("``", '"').replace("''", '"')
    s = re.sub(r" ([,.;:!?%)\]])", r"\1", s)
    s = re.sub(r"([(\[]) ", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    s = re.sub(r" ' ", "' ", s)
    s = re.sub(r"£ (\d)", r"£\1", s)
    s = re.sub(r"\$ (\d)", r"$\1", s)
    s = re.sub(r"(\d) , (\d)", r"\1,\2", s)
    s = re.sub(r" - ", " – ", s)
    s = re.sub(r"\s+", " ", s)
    # quotes: "' word" patterns
    s = re.sub(r"(^|\s)' (\w)", r"\1'\2", s)
    s = re.sub(r'" ([^"]*?) "', r'"\1"', s)
    s = re.sub(r'(^|\s)" (\w)', r'\1"\2', s)
    s = re.sub(r"(\w) \"", r'\1"', s) if s.count('"') % 2 == 0 and False else s
    s = re.sub(r"(\w|[.,!?]) ' ", r"\1' ", s)
    s = re.sub(r"(\w|[.,!?]) '$", r"\1'", s)
    s = re.sub(r" '([,.;:!?])", r"'\1", s)
    s = re.sub(r"(\w) '(\s|$)", r"\1'\2", s)
    s = s.replace("¦", "…")
    return s.strip()

ACRONYMS = set("""bbc uk eu nhs mp mps pm ukip snp dup itv ftse gchq tpim tpims cobr isis ipcc btp rac hgv
mi5 mi6 afp ap epa epp cdu lbc stv utv plp raf rtc pa tv fm mla mep gmp fbi dm hq cctv a120 a12 a13 a127 a130 a133 a414 m11 m25
dup usa sdlp jtac diy afc btp nato un rspca rnli""".split())

PROPER = """london londoners britain british britons brits england english scotland scottish scots wales welsh ireland irish
northern europe european europeans france french germany german spain spanish italy italian canada canadian canadians
australia australian america american russia russian belgium netherlands dutch norway norwegian sweden denmark danish
greece poland polish pakistan pakistani india indian syria iraq libya morocco moroccan somalian nigerian philippines
brussels paris berlin madrid rome moscow washington manchester birmingham liverpool glasgow edinburgh belfast cardiff
newcastle sunderland leeds bristol sheffield oxford cambridge barking dagenham southwark borough bankside vauxhall westminster whitehall
islington hackney camden croydon lambeth wandsworth ilford east ham stratford thames
essex colchester chelmsford southend southend-on-sea southend-on-snow basildon braintree harlow brentwood maldon witham clacton harwich
dovercourt frinton walton-on-the-naze tendring rayleigh wickford canvey leigh leigh-on-sea thurrock grays purfleet tilbury stansted
manningtree horsley parkeston mistley coggeshall wivenhoe halstead dunmow saffron epping loughton romford
hadleigh benfleet rochford burnham southminster bradwell mersea elmstead suffolk ipswich felixstowe lowestoft norfolk norwich kent dartford
london-based ebbsfleet greater anglia truro concord rangers
theresa may's jeremy corbyn corbyn's sadiq khan amber rudd boris johnson david davis cameron cameron's nigel farage farage's nicola sturgeon
alex salmond tony blair blair's john mcdonnell hilary benn gordon brown george osborne michael gove gove's jean-claude juncker donald trump trump's
angela merkel francois hollande emmanuel macron justin trudeau vladimir putin mark carney carney's tim farron emily thornberry
diane abbott andrew marr marr's cressida dick mark rowley khuram butt rachid redouane youssef zaghba
nick clegg ruth davidson kezia dugdale arlene foster martin schulz donald tusk tusk's jean-yves le drian
ken livingstone sajid javid jo cox justine greening iain duncan smith chris grayling liam fox
telegraph reuters itv
labour conservative conservatives tory tories lib dem dems democrats liberal leave remain brexit brexiter brexiters remainer
metropolitan scotland yard met
islamic islam islamist muslim muslims allah ramadan christian christians jewish church
monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december
facebook twitter google instagram uber whatsapp youtube
queen prince
jamie grierson haroon siddique oliver dowling freddy boothroyd scott bryan orla moore segal neil rothnie justin welby canterbury archbishop jenna hawkey patrick byrne
merkel sturgeon rowley carney juncker tusk schulz abbott hollande putin trudeau macron farron davidson dugdale khan rudd
sorabji getty afp thrale southwark cathedral mudlark denmark christchurch zealand
""".split()
PROPER = set(PROPER)

PHRASES = {
 "london bridge": "London Bridge", "borough market": "Borough Market", "the met": "the Met",
 "theresa may": "Theresa May", "scotland yard": "Scotland Yard", "downing street": "Downing Street",
 "number 10": "Number 10", "home office": "Home Office", "home secretary": "home secretary",
 "metropolitan police": "Metropolitan police", "the guardian": "the Guardian", "sky news": "Sky News",
 "bbc news": "BBC News", "bbc essex": "BBC Essex", "bbc radio": "BBC Radio", "european union": "European Union",
 "european commission": "European Commission", "european parliament": "European Parliament",
 "bank of england": "Bank of England", "united kingdom": "United Kingdom", "united states": "United States",
 "new york": "New York", "white house": "White House", "article 50": "article 50", "lib dems": "Lib Dems",
 "liberal democrats": "Liberal Democrats", "greater anglia": "Greater Anglia", "essex police": "Essex police",
 "essex county council": "Essex County Council", "highways england": "Highways England",
 "east of england": "east of England", "southend hospital": "Southend hospital", "canvey island": "Canvey Island",
 "stansted airport": "Stansted airport", "southend airport": "Southend airport", "network rail": "Network Rail",
 "c2c": "c2c", "denmark hill": "Denmark Hill", "new zealand": "New Zealand", "police scotland": "Police Scotland", "scottish national party": "Scottish National party", "getty images": "Getty Images", "mark told": "Mark told", "mark carney": "Mark Carney", "mark rowley": "Mark Rowley", "hilary benn": "Hilary Benn", "cobra": "Cobra", "isis": "Isis", "ftse 100": "FTSE 100", "ftse 250": "FTSE 250",
 "prime minister": "prime minister", "may's": "May's", "guy's hospital": "Guy's hospital",
 "king's college hospital": "King's College hospital", "st thomas' hospital": "St Thomas' hospital",
 "st thomas'": "St Thomas'", "royal london hospital": "Royal London hospital", "st mary's": "St Mary's",
 "london ambulance service": "London Ambulance Service", "british transport police": "British Transport Police",
 "jeremy corbyn": "Jeremy Corbyn", "boris johnson": "Boris Johnson", "sadiq khan": "Sadiq Khan",
 "amber rudd": "Amber Rudd", "mark rowley": "Mark Rowley", "cressida dick": "Cressida Dick",
 "weather watchers": "Weather Watchers", "local live": "Local Live", "beast from the east": "Beast from the East",
 "concord rangers": "Concord Rangers", "truro city": "Truro City", "colchester united": "Colchester United",
 "southend united": "Southend United", "red cross": "Red Cross", "vote leave": "Vote Leave",
 "stronger in": "Stronger In", "leave.eu": "Leave.EU", "sinn féin": "Sinn Féin", "sinn fein": "Sinn Féin",
 "plaid cymru": "Plaid Cymru", "i": "I", "i'm": "I'm", "i've": "I've", "i'd": "I'd", "i'll": "I'll",
}

def recase(s):
    """s is detokenised lower-case prose; returns sentence-cased prose with proper nouns."""
    toks = re.split(r"(\s+)", s)
    out = []
    for t in toks:
        m = re.match(r"^([\"'(\[]*)([\w\-'.&]+?)([\"'),.;:!?\]]*)$", t)
        if not m:
            out.append(t); continue
        pre, w, post = m.groups()
        lw = w.lower()
        base = lw[:-2] if lw.endswith("'s") else lw
        suffix = w[len(base):]
        if lw in PHRASES and " " not in PHRASES[lw]:
            w = PHRASES[lw]
        elif base in ACRONYMS:
            w = base.upper() + suffix
        elif base in PROPER or lw in PROPER:
            w = w[:1].upper() + w[1:]
        out.append(pre + w + post)
    s = "".join(out)
    for k, v in PHRASES.items():
        if " " in k:
            s = re.sub(r"(?i)\b" + re.escape(k) + r"\b", v, s)
    # the Met / May: "may" as a name only after Theresa or in "Mrs may" / "may said"
    s = re.sub(r"\b(Mrs|Theresa|PM) may\b", r"\1 May", s)
    s = re.sub(r"\bmay (said|told|says|added|announced|visited|spoke|has said)\b", r"May \1", s)
    s = re.sub(r"\bmay's\b", "May's", s)
    # first letter of the sentence
    s = re.sub(r"^([\"'(\[]*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), s)
    s = re.sub(r"([.!?][\"']?\s+[\"'(]?)([a-z])", lambda m: m.group(1) + m.group(2).upper(), s)
    s = re.sub(r"(: [\"']?)([a-z])", lambda m: m.group(1) + m.group(2).upper(), s)
    s = s.replace("b & q/hertz", "B&Q/Hertz").replace("b & q", "B&Q")
    s = s.replace("mps", "MPs").replace("MPS", "MPs").replace("Mps", "MPs")
    return s

def prose(sentences):
    return recase(detok(" ".join(sentences)))

def sentence(t):
    return recase(detok(t))

def title(t):
    t = recase(detok(t))
    return t.rstrip(" .") if t.endswith(" .") else t
