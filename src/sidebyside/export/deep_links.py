"""The `sidebyside://` address of a claim, which exports carry so a reader can go back to it."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

SCHEME = "sidebyside"


def claim_address(workspace: Path | str, article_id: int, claim_id: int) -> str:
    """`sidebyside://open?workspace=<absolute path, percent-encoded>&article=<id>&claim=<id>`.

    Every character of the path but letters, digits and `_.-~` is percent-encoded ("/" as
    %2F), so the address holds no space, `&` or `#` a Markdown or CSV reader could cut it at.
    """
    path = os.path.abspath(os.fspath(workspace))
    return f"{SCHEME}://open?workspace={quote(path, safe='')}&article={article_id}&claim={claim_id}"
