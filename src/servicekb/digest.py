"""The two hash functions servicekb uses, without importing hashlib.

`import hashlib` loads OpenSSL's libcrypto (a few milliseconds, on every warm command), while
BLAKE2b and SHA-256 are built into CPython anyway: hashlib itself takes BLAKE2b from `_blake2`
and falls back to CPython's own SHA-256 when OpenSSL lacks it. The outputs are the same.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b

try:
    from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # Python 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]  # Python 3.11
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment,unused-ignore]

__all__ = ["blake2b", "sha256"]
