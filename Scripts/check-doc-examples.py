#!/usr/bin/env python3
"""Checks that every Swift example in README.md and in the DocC catalog is
compiled and run by the public-API tests.

Each ```swift block must appear, line for line (runs of spaces aside,
blank lines skipped), in a file under Tests/QRCorePublicAPITests.
`import` lines are left out of the comparison. Blocks that begin with
`// In Package.swift:` are manifest fragments and are exempt. Exit status 1 names every example that is missing.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "Sources/QRCore/QRCore.docc").glob("*.md"))]
TESTS = sorted((ROOT / "Tests/QRCorePublicAPITests").glob("*.swift"))


def lines(text):
    # Runs of spaces count as one, so that swift-format's spacing before an
    # end-of-line comment does not make an example differ from its test.
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def examples(path):
    for match in re.finditer(r"^```swift\n(.*?)^```", path.read_text(), re.S | re.M):
        body = [line for line in lines(match.group(1)) if not line.startswith("import ")]
        if body and not body[0].startswith("// In Package.swift:"):
            line = path.read_text()[: match.start()].count("\n") + 1
            yield line, body


def contains(haystack, needle):
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack) - len(needle) + 1))


def main():
    tests = [lines(path.read_text()) for path in TESTS]
    missing = 0
    count = 0
    for doc in DOCS:
        for line, body in examples(doc):
            count += 1
            if not any(contains(test, body) for test in tests):
                missing += 1
                print(f"{doc.relative_to(ROOT)}:{line}: example not in Tests/QRCorePublicAPITests: {body[0]}")
    print(f"{count - missing} of {count} examples are compiled and run by the public-API tests")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
