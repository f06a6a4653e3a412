"""What Jira refuses in a bulk body: the published schema's verdict (atlassian_schema), then the few documented
rules the schema cannot express, from the API notes and from the schema's own descriptions.

The rules run only on bodies the schema accepts, so they can rely on its shapes.
"""
import re

import atlassian_schema

MAX_ASSOCIATION_VALUES = 500     # all values of one build's or deployment's associations together (schema text)
MAX_DEVINFO_ENTITIES = 1000      # commits, branches and pull requests of all repositories together (schema text)
DEVINFO_TYPES = ("commits", "branches", "pullRequests")
# Devinfo ids: "Only alphanumeric characters, and '~.-_', are allowed" (schema text).
DEVINFO_ID = re.compile(r"[A-Za-z0-9~._-]+\Z")
# The devinfo schema gives the issue-key pattern ^\p{L}[\p{L}\p{Digit}_]{1,255}-\p{Digit}{1,255}$ to the issueKeys
# array, where JSON Schema ignores it (a pattern applies to strings). Here it applies to each key, in Python's terms:
# \p{L} is a letter, Java's \p{Digit} is 0-9.
DEVINFO_KEY = re.compile(r"[^\W\d_](?:[^\W\d_]|[0-9_]){1,255}-[0-9]{1,255}\Z")


def errors(kind, body):
    """Why Jira refuses a bulk request body ([] when it accepts it); kind is builds, deployments or devinfo."""
    return atlassian_schema.errors(kind, body) or [*_property_errors(body), *RULES[kind](body)]


def _property_errors(body):
    # The schema text of `properties` (all three APIs): at most 5, keys and values at most 255 characters, keys
    # without ':' and not starting with '_'. The devinfo schema itself checks none of this.
    properties = body.get("properties", {})
    found = [f"$.properties: {len(properties)} properties; at most 5 are allowed"] if len(properties) > 5 else []
    for key, value in properties.items():
        if ":" in key or key.startswith("_") or len(key) > 255 or len(value) > 255:
            found.append(f"$.properties: {key!r} must be at most 255 characters without ':', not starting with '_',"
                         " with a value of at most 255 characters")
    return found


def associated_issue_keys(entity):
    """The issue keys a build or deployment names in its associations (either issue association type), in order."""
    return [value for association in entity.get("associations", [])
            if association["associationType"] in ("issueIdOrKeys", "issueKeys") for value in association["values"]]


def issue_keys(entity):
    """Every issue key a build or deployment names, whichever field holds it: the deprecated issueKeys, then its
    associations."""
    return [*entity.get("issueKeys", []), *associated_issue_keys(entity)]


def _association_errors(path, entity):
    # "The number of values counted across all associationTypes must not exceed a limit of 500" (schema text); the
    # schema itself bounds each association alone.
    total = sum(len(association["values"]) for association in entity.get("associations", []))
    if total > MAX_ASSOCIATION_VALUES:
        return [f"{path}.associations: {total} values in all; at most {MAX_ASSOCIATION_VALUES} are allowed"]
    return []


def _build_errors(body):
    # A build with neither issueKeys nor associations passes: the schema requires neither, and no documented rule
    # refuses the request for it (the 202 answer rejects such a build: see fake_jira_cloud).
    found = []
    for index, build in enumerate(body["builds"]):
        found += _association_errors(f"$.builds[{index}]", build)
    return found


def _deployment_errors(body):
    found = []
    for index, deployment in enumerate(body["deployments"]):
        path = f"$.deployments[{index}]"
        if not deployment.get("associations") and "issueKeys" not in deployment:
            found.append(f"{path}: needs associations (issues or services)")
        found += _association_errors(path, deployment)
    return found


def _devinfo_errors(body):
    repositories = body["repositories"]
    found = _duplicate_errors("$.repositories", repositories)
    for index, repository in enumerate(repositories):
        path = f"$.repositories[{index}]"
        found += _id_errors(path, repository)
        for kind in DEVINFO_TYPES:
            entities = repository.get(kind, [])
            found += _duplicate_errors(f"{path}.{kind}", entities)
            for number, entity in enumerate(entities):
                found += _entity_errors(f"{path}.{kind}[{number}]", entity)
    total = sum(len(repository.get(kind, [])) for repository in repositories for kind in DEVINFO_TYPES)
    if total > MAX_DEVINFO_ENTITIES:
        found.append(f"$.repositories: {total} entities in one request; at most {MAX_DEVINFO_ENTITIES} are allowed")
    return found


def _duplicate_errors(path, entities):
    ids = [entity["id"] for entity in entities]
    return [f"{path}: id {i!r} appears more than once" for i in sorted(set(ids)) if ids.count(i) > 1]


def _id_errors(path, entity):
    return [] if DEVINFO_ID.match(entity["id"]) else [f"{path}.id: {entity['id']!r} holds characters other than A-Z a-z 0-9 ~ . - _"]


def _entity_errors(path, entity):
    """A commit, branch or pull request: its id, its issue keys, and those of a branch's last commit."""
    found = _id_errors(path, entity)
    found += [f"{path}.issueKeys[{index}]: {key!r} is not an issue key"
              for index, key in enumerate(entity.get("issueKeys", [])) if not DEVINFO_KEY.match(key)]
    if "lastCommit" in entity:
        found += _entity_errors(f"{path}.lastCommit", entity["lastCommit"])
    return found


RULES = {"builds": _build_errors, "deployments": _deployment_errors, "devinfo": _devinfo_errors}
