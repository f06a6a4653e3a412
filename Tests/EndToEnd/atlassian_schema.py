"""Atlassian's published OpenAPI description of Jira Software Cloud (Tests/Atlassian) as the tests' oracle.

A body checked here is checked against what Atlassian promises Jira accepts, not against our own reading of
the docs, which jira-ci shares. The fake Jira Cloud answers 400 with these messages; the dry-run tests check
jira-ci's bodies with them.

OpenAPI 3.0 schema objects are an extended subset of JSON Schema draft 4, so they are validated with
jsonschema's Draft4Validator, adapted where OpenAPI 3.0 differs:
- `nullable: true` also allows null (the file has none today; draft 4 alone would wrongly refuse null).
- `pattern` is an ECMA 262 regular expression, whose \\w and \\d are ASCII; Python's are Unicode, so patterns
  are matched with re.ASCII (otherwise "ÄÖ-1" would pass the issue-key pattern).
- Formats: jsonschema checks `date-time` and `uri` only when extra packages are installed (rfc3339-validator,
  rfc3987), so both are checked here instead: `date-time` as RFC 3339 section 5.6 with a real calendar date and
  time, `uri` as an absolute RFC 3986 URI (a scheme, then only characters RFC 3986 allows, with well-formed
  %-escapes; the grammar of each part is not checked). The schema writes Atlassian's own `url` and `URL` for
  most URLs; they get the same check as `uri`. OpenAPI's `int32` and `int64` get their ranges.
- Annotations (description, example, deprecated, readOnly, x-...) change nothing, as in draft 4.
"""
import json
import re
from datetime import datetime
from pathlib import Path

from jsonschema import Draft4Validator, FormatChecker, ValidationError, validators

SPEC = json.loads((Path(__file__).resolve().parents[1] / "Atlassian" / "jira-software-openapi-subset.json").read_text())
BULK_PATHS = {"builds": "/rest/builds/0.1/bulk", "deployments": "/rest/deployments/0.1/bulk",
              "devinfo": "/rest/devinfo/0.10/bulk"}
# jira-ci's OAuth URLs (https://api.atlassian.com/jira/builds/0.1/cloud/{cloudId}/bulk) and the Connect paths above.
BULK_URL = re.compile(r"/(builds|deployments|devinfo)/0\.10?/(?:cloud/[^/]+/)?bulk$")

RFC3339 = re.compile(r"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)\Z")
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*\Z")
FORMATS = FormatChecker(formats=())


@FORMATS.checks("date-time")
def _date_time(value):
    if not isinstance(value, str):
        return True
    match = RFC3339.match(value)
    if not match:
        return False
    try:
        datetime(*map(int, match.groups()))
        return True
    except ValueError:
        return False


@FORMATS.checks("uri")
@FORMATS.checks("url")
@FORMATS.checks("URL")
def _uri(value):
    return not isinstance(value, str) or bool(URI.match(value))


@FORMATS.checks("int32")
def _int32(value):
    return not isinstance(value, int) or -2**31 <= value < 2**31


@FORMATS.checks("int64")
def _int64(value):
    return not isinstance(value, int) or -2**63 <= value < 2**63


def _type(validator, types, instance, schema):
    if instance is None and schema.get("nullable"):
        return
    yield from Draft4Validator.VALIDATORS["type"](validator, types, instance, schema)


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not re.search(pattern, instance, re.ASCII):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


OpenAPI30Validator = validators.extend(Draft4Validator, {"type": _type, "pattern": _pattern})


def _validator(part):
    return OpenAPI30Validator(part["content"]["application/json"]["schema"], format_checker=FORMATS)


REQUESTS = {kind: _validator(SPEC["paths"][path]["post"]["requestBody"]) for kind, path in BULK_PATHS.items()}


def _messages(validator, instance):
    found = sorted(validator.iter_errors(instance), key=lambda error: error.json_path)
    return [f"{error.json_path}: {error.message}" for error in found]


def errors(kind, body):
    """Why the published schema refuses a bulk request body ([] when it accepts it); kind is builds, deployments or
    devinfo. Each message names the JSON path (`$.builds[0].issueKeys`) and what the validator found there."""
    return _messages(REQUESTS[kind], body)


def response_errors(kind, status, body):
    """Why a bulk answer does not have the shape the schema documents for that status (used to check the fakes)."""
    return _messages(_validator(SPEC["paths"][BULK_PATHS[kind]]["post"]["responses"][str(status)]), body)


def bulk_kind(url):
    """builds, deployments or devinfo for a bulk URL of either form; None for any other URL."""
    match = BULK_URL.search(url)
    return match and match.group(1)
