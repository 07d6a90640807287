#!/usr/bin/env python3
"""Print the size of each section of a saved view (`KB/view.snapshot`,
format 5 or 6), from its footer: which parts of the view take the disk.

    python3 bench/view_sections.py /tmp/kb10k/view.snapshot
"""
import os
import struct
import sys

# In file order (src/view/snapshot.rs).
NAMES = ["view's indexes", "nodes", "edges", "edge attributes", "adjacency",
         "node kinds and ids", "alias index", "provenances", "texts of ids",
         "documents' sections", "requests as stated", "documents' texts",
         "texts' lengths"]
MAGIC = b"actaview"

for path in sys.argv[1:]:
    size = os.path.getsize(path)
    footer = len(NAMES) * 12 + 8
    with open(path, "rb") as f:
        head = f.read(12)
        f.seek(size - footer)
        tail = f.read(footer)
    if head[:8] != MAGIC or tail[-8:] != MAGIC:
        sys.exit(f"{path}: not a saved view")
    version = struct.unpack_from("<I", head, 8)[0]
    print(f"{path}: {size / 1e6:.1f} MB, format {version}")
    for i, name in enumerate(NAMES):
        length, _crc = struct.unpack_from("<QI", tail, i * 12)
        print(f"  {name:22s} {length / 1e6:8.1f} MB")
