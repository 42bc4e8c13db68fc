"""The two hash functions servicekb uses, without importing hashlib.

`import hashlib` loads OpenSSL's libcrypto (a few milliseconds, on every warm command), while
BLAKE2b and SHA-256 are built into CPython anyway: hashlib itself takes BLAKE2b from `_blake2`
and falls back to CPython's own SHA-256 when OpenSSL lacks it. The outputs are the same.
"""

from __future__ import annotations

import sys

# By version, not by trying: a failed import searches every folder of sys.path first.
try:
    from _blake2 import blake2b

    if sys.version_info >= (3, 12):
        from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]
    else:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]
except ImportError:  # an interpreter built without them (or another implementation)
    from hashlib import blake2b, sha256  # type: ignore[assignment,unused-ignore]

__all__ = ["blake2b", "sha256"]
