"""opensearch-py's JSON, read and written with orjson.

Decoding a page of results with its facets (about 50 KB) took a sixth of a search's own CPU with
the standard library's json; orjson does it in a fraction. (elasticsearch-py ships its own
orjson serializer, which search.engines.elastic_client gives it.)
"""

from __future__ import annotations

from typing import Any

import orjson
from opensearchpy.exceptions import SerializationError
from opensearchpy.serializer import JSONSerializer


class OrjsonSerializer(JSONSerializer):
    """The base class's contract: text passes through, and what cannot be read or written
    raises its SerializationError (orjson's errors are ValueError and TypeError)."""

    def loads(self, s: str | bytes) -> Any:
        try:
            return orjson.loads(s)
        except (ValueError, TypeError) as error:
            raise SerializationError(s, error) from error

    def dumps(self, data: Any) -> str:
        if isinstance(data, str):
            return data
        try:
            # Keys that are not strings become strings, as the standard library's json does.
            written = orjson.dumps(data, default=self.default, option=orjson.OPT_NON_STR_KEYS)
        except (ValueError, TypeError) as error:
            raise SerializationError(data, error) from error
        return written.decode()
