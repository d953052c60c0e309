#!/bin/sh
# Builds the libFuzzer harnesses in Fuzz/ and runs each in turn for SECONDS (default 600).
#
#   scripts/fuzz.sh [SECONDS] [text|html|differ ...]
#   scripts/fuzz.sh build            # only build, into .build-fuzz/
#
# Each library module (RedlineText, RedlineModel, RedlineExtract, RedlineDiff) is compiled on its
# own with `swiftc -sanitize=fuzzer,address` into an object and a .swiftmodule; the harness is
# compiled with `-parse-as-library` and linked against them and the libxml2 loader. RedlineDiff is built with
# `-enable-testing` so the differ harness can reuse the test suite's DiffInvariants.swift.
# One job, one worker: the machine is shared. Crash inputs land in .build-fuzz/<name>-crashes/;
# the corpus in .build-fuzz/<name>-corpus/ (seeded from Snapshots/). Replay a regression with
# `.build-fuzz/fuzz-differ Fuzz/regressions/FILE` (an open finding would stop a seeded run at once).
# Leak checking stays on, minus Swift Regex's one-time globals (scripts/lsan.supp).
set -eu
cd "$(dirname "$0")/.."
out=.build-fuzz
mkdir -p "$out"
flags="-swift-version 6 -sanitize=fuzzer,address -parse-as-library -O -g -I $out"
# CLibXML2: libxml2's own headers (found with pkg-config) behind a module map made here, and its
# loader (libxml2.c, which dlopens libxml2 as the package does) compiled into an object.
mkdir -p "$out/CLibXML2"
printf 'module CLibXML2 {\n    header "%s/Sources/CLibXML2/include/redline_xml.h"\n    export *\n}\n' "$PWD" > "$out/CLibXML2/module.modulemap"
xml="-I $out/CLibXML2 $(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g')"

module() {  # name, extra flags, sources…
    name=$1; extra=$2; shift 2
    swiftc $flags $extra -wmo -c -module-name "$name" -emit-module -emit-module-path "$out/$name.swiftmodule" \
        "$@" -o "$out/$name.o"
}

build() {
    module RedlineText "" Sources/RedlineText/*.swift
    module RedlineModel "" Sources/RedlineModel/*.swift
    module RedlineExtract "$xml" Sources/RedlineExtract/*.swift
    module RedlineDiff "-enable-testing" Sources/RedlineDiff/*.swift
    clang -c -O1 -g -fsanitize=address $(pkg-config --cflags libxml-2.0) -I Sources/CLibXML2/include \
        Sources/CLibXML2/libxml2.c -o "$out/CLibXML2.o"
    libs="$out/RedlineText.o $out/RedlineModel.o $out/RedlineExtract.o $out/RedlineDiff.o $out/CLibXML2.o -ldl"
    swiftc $flags $xml Fuzz/TextExtraction.swift $libs -o "$out/fuzz-text" 2>/dev/null
    swiftc $flags $xml Fuzz/HTMLExtraction.swift $libs -o "$out/fuzz-html" 2>/dev/null
    swiftc $flags $xml Fuzz/Differ.swift Tests/RedlineDiffTests/DiffInvariants.swift $libs -o "$out/fuzz-differ" 2>/dev/null
}

# Rebuild only when a source is newer than the harnesses (a full build takes minutes).
if [ "${1:-}" = build ] || [ ! -x "$out/fuzz-differ" ] || \
   [ -n "$(find Sources/RedlineText Sources/RedlineModel Sources/RedlineExtract Sources/RedlineDiff Fuzz Tests/RedlineDiffTests/DiffInvariants.swift -newer "$out/fuzz-differ" -name '*.swift' | head -n 1)" ]; then
    build
fi
[ "${1:-}" = build ] && exit 0
# Swift's crash backtracer would stall the fuzzer for minutes on every finding.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
seconds=${1:-600}
[ $# -gt 0 ] && shift
names=${*:-text html differ}
for name in $names; do
    corpus="$out/$name-corpus"; crashes="$out/$name-crashes"
    mkdir -p "$corpus" "$crashes"
    if [ -z "$(ls -A "$corpus")" ]; then
        for f in Snapshots/*/*; do [ -f "$f" ] && cp "$f" "$corpus/" || true; done
    fi
    echo "== fuzz-$name for ${seconds}s"
    # -jobs=1 runs the fuzzer in one child process whose log (fuzz-0.log) lands in the current directory.
    (cd "$out" && exec "./fuzz-$name" -max_total_time="$seconds" -jobs=1 -workers=1 -max_len=65536 -timeout=30 -rss_limit_mb=3072 \
        -artifact_prefix="$name-crashes/" -print_final_stats=1 "$name-corpus") 2>&1 | tee "$out/fuzz-$name.log" | grep -v '^#[0-9]*.*\(NEW\|REDUCE\)' || true
    tail -n 12 "$out/fuzz-$name.log" | grep -E '^#|stat::|Done|ERROR|crash' || true
done
