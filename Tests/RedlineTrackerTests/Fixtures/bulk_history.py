# A git fast-import stream of COUNT commits on refs/bulk/page, each a new version of one text
# file of about SIZE bytes (random words: a paragraph added on top, one rewritten), so that
# packing the repository makes libgit2 search for deltas for a second or so. For GcInterruptTests.
import random
import sys

count, size = int(sys.argv[1]), int(sys.argv[2])
random.seed(7)
words = ["".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(random.randint(2, 9))) for _ in range(3000)]


def paragraph():
    return " ".join(random.choice(words) for _ in range(50)) + ".\n\n"


paragraphs = [paragraph() for _ in range(size // 400)]
out = sys.stdout.buffer
for version in range(count):
    paragraphs.insert(0, paragraph())
    paragraphs[random.randrange(len(paragraphs))] = paragraph()
    page = "".join(paragraphs).encode()
    out.write(b"commit refs/bulk/page\ncommitter bulk <bulk@localhost> %d +0000\ndata 0\n" % (1700000000 + version))
    out.write(b"M 644 inline page.txt\ndata %d\n" % len(page) + page + b"\n")
