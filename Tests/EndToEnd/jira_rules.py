"""The field rules of Jira's Builds and Deployments APIs (from the API notes), checked independently of jira-ci.

Used by the dry-run tests and by the fake Jira Cloud, which answers 400 with these messages, as Jira does.
"""
import re
from datetime import datetime

BUILD_STATES = {"pending", "in_progress", "successful", "failed", "cancelled", "unknown"}
DEPLOYMENT_STATES = BUILD_STATES | {"rolled_back"}
ENVIRONMENT_TYPES = {"unmapped", "development", "testing", "staging", "production"}
ASSOCIATION_TYPES = {"issueIdOrKeys", "serviceIdOrKeys", "commit", "repository", "issueKeys"}
KEY = re.compile(r"^[A-Z][A-Z0-9_]{1,255}-[1-9][0-9]*$")
INT64_MAX = 2**63 - 1


def _text(errors, entity, field, limit, required=True):
    value = entity.get(field)
    if value is None:
        if required:
            errors.append(f"{field} is required")
        return
    if not isinstance(value, str) or (required and not value):
        errors.append(f"{field} must be a non-empty string")
    elif len(value) > limit:
        errors.append(f"{field} is longer than {limit}")


def _int64(errors, entity, field):
    value = entity.get(field)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= INT64_MAX:
        errors.append(f"{field} must be a non-negative int64")


def _date(errors, entity, field):
    value = entity.get(field, "")
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        if "T" not in value:
            raise ValueError
    except (ValueError, AttributeError):
        errors.append(f"{field} must be an RFC 3339 date-time")


def _url(errors, entity, field, required=True):
    _text(errors, entity, field, 2000, required)
    value = entity.get(field)
    if isinstance(value, str) and value and not re.match(r"^https?://", value):
        errors.append(f"{field} must be an absolute URL")


def build_errors(build):
    errors = []
    if build.get("schemaVersion") != "1.0":
        errors.append("schemaVersion must be 1.0")
    _text(errors, build, "pipelineId", 255)
    _int64(errors, build, "buildNumber")
    _int64(errors, build, "updateSequenceNumber")
    _text(errors, build, "displayName", 255)
    _text(errors, build, "description", 255, required=False)
    _text(errors, build, "label", 255, required=False)
    _url(errors, build, "url")
    if build.get("state") not in BUILD_STATES:
        errors.append(f"state {build.get('state')!r} is not a build state")
    _date(errors, build, "lastUpdated")
    keys = build.get("issueKeys")
    if not isinstance(keys, list) or not 1 <= len(keys) <= 500:
        errors.append("issueKeys must hold 1 to 500 keys")
    elif not all(isinstance(k, str) and KEY.match(k) for k in keys):
        errors.append("issueKeys holds a malformed key")
    test_info = build.get("testInfo")
    if test_info is not None:
        for field in ("totalNumber", "numberPassed", "numberFailed"):
            if not isinstance(test_info.get(field), int):
                errors.append(f"testInfo.{field} is required")
    references = build.get("references")
    if references is not None and (not isinstance(references, list) or len(references) > 5):
        errors.append("references must hold at most 5 entries")
    allowed = {"schemaVersion", "pipelineId", "buildNumber", "updateSequenceNumber", "displayName", "description",
               "label", "url", "state", "lastUpdated", "issueKeys", "testInfo", "references"}
    errors += [f"unknown field {f}" for f in build if f not in allowed]
    return errors


def deployment_errors(deployment):
    errors = []
    if deployment.get("schemaVersion") != "1.0":
        errors.append("schemaVersion must be 1.0")
    _int64(errors, deployment, "deploymentSequenceNumber")
    _int64(errors, deployment, "updateSequenceNumber")
    _text(errors, deployment, "displayName", 255)
    _url(errors, deployment, "url")
    _text(errors, deployment, "description", 255)
    _text(errors, deployment, "label", 255, required=False)
    _date(errors, deployment, "lastUpdated")
    if deployment.get("state") not in DEPLOYMENT_STATES:
        errors.append(f"state {deployment.get('state')!r} is not a deployment state")
    if "issueKeys" in deployment:
        errors.append("issueKeys is deprecated: use associations")
    associations = deployment.get("associations")
    if not isinstance(associations, list) or not associations:
        errors.append("associations are required")
    else:
        total = 0
        for association in associations:
            if association.get("associationType") not in ASSOCIATION_TYPES:
                errors.append(f"unknown associationType {association.get('associationType')!r}")
            values = association.get("values")
            if not isinstance(values, list) or not values:
                errors.append("every association needs at least one value")
            else:
                total += len(values)
        if total > 500:
            errors.append("associations hold more than 500 values")
    pipeline = deployment.get("pipeline") or {}
    _text(errors, pipeline, "id", 255)
    _text(errors, pipeline, "displayName", 255)
    _url(errors, pipeline, "url")
    environment = deployment.get("environment") or {}
    _text(errors, environment, "id", 255)
    _text(errors, environment, "displayName", 255)
    if environment.get("type") not in ENVIRONMENT_TYPES:
        errors.append(f"environment.type {environment.get('type')!r} is not an environment type")
    for command in deployment.get("commands") or []:
        if command.get("command") != "initiate_deployment_gating":
            errors.append(f"unknown command {command!r}")
    return errors


def bulk_errors(kind, body):
    """Errors of a whole bulk request body; kind is 'builds' or 'deployments'."""
    errors = []
    entities = body.get(kind)
    if not isinstance(entities, list) or not 1 <= len(entities) <= 100:
        return [f"{kind} must hold 1 to 100 entries"]
    check = build_errors if kind == "builds" else deployment_errors
    for entity in entities:
        errors += check(entity)
    if not isinstance(body.get("providerMetadata", {}).get("product", ""), str):
        errors.append("providerMetadata.product must be a string")
    return errors
