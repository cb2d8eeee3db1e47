"""Ways to hand a shared list over in the room: a QR code of its link, drawn on the server as
SVG (segno), and a text message with the link in it."""

from __future__ import annotations

from urllib.parse import quote

import segno


def qr_code_data_uri(url: str) -> str:
    """The link as a QR code: an SVG data URI for an <img>, dark on white with the standard
    four-module quiet zone, so phones read it on screen (light or dark theme) and on paper."""
    code = segno.make(url, error="m")
    return code.svg_data_uri(scale=4, border=4, dark="#0b0c0c", light="#ffffff")


def sms_link(url: str, site_name: str) -> str:
    """An sms: link that opens the phone's messages app with the link written in.

    'sms:?&body=' is the form both Android and iOS read (a recipient is left for the sender to
    choose).
    """
    return "sms:?&body=" + quote(f"Services from {site_name}: {url}", safe="")
