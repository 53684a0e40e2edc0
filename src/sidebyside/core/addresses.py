"""The one place a link's address is made absolute and clean: resolved against the
document's own address, tracking parameters dropped, scheme and host in lower case.

Links that are no citation (`mailto:`, `tel:`, `javascript:`, `data:`, a bare `#`) give None.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only say how a reader arrived, never what the page is.
_TRACKING = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "igshid", "mc_cid", "mc_eid", "ref_src", "ref_url", "_ga", "_gl", "_hsenc",
        "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "spm", "cmpid",
        "ocid", "smid", "sr_share",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "pk_", "hsa_")
# Schemes a reader can follow to a source; anything else (mailto:, tel:, javascript:, data:,
# file: …) is not a citation.
_FOLLOWED = frozenset({"http", "https", "ftp"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def normalise_address(address: str, base: str = "") -> str | None:
    """`address` (as a link's href gives it) made absolute against `base` and cleaned;
    None for a link that leads to no readable source."""
    address = "".join(address.split())  # hrefs wrapped over lines, stray spaces
    if not address or address == "#":
        return None
    scheme = _SCHEME.match(address)
    if scheme is None or scheme.group(1).lower() not in _FOLLOWED:
        if scheme is not None:
            return None  # mailto:, javascript:, data: …
        base = "".join(base.split())
        base_scheme = _SCHEME.match(base)
        if base_scheme is None or base_scheme.group(1).lower() not in _FOLLOWED:
            if address.startswith("//"):
                address = "https:" + address
            else:
                return None  # relative, with nothing to resolve it against
        else:
            address = urljoin(base, address)
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in _FOLLOWED or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    if port is not None and (parts.scheme.lower(), port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    if parts.username is not None:
        credentials = parts.username + (f":{parts.password}" if parts.password else "")
        host = f"{credentials}@{host}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        kept = [(key, value) for key, value in pairs if not _is_tracking(key)]
        if len(kept) != len(pairs):
            query = urlencode(kept)
    path = parts.path or ("/" if not query else "")
    return urlunsplit((parts.scheme.lower(), host, path, query, parts.fragment))


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key in _TRACKING or key.startswith(_TRACKING_PREFIXES)
