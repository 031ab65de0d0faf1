"""Every query the application runs: keyword-only functions over a Session; no SQL elsewhere.

Split by subject (repo_articles: articles, revisions, provenance, search index; repo_claims:
extractions, claims, entities, clusters; repo_history: replaced extractions, where an old claim
id went, articles to extract again); import this module, not those.
"""

from __future__ import annotations

from claimgraph.store.repo_articles import (
    IngestOutcome,
    add_article,
    add_revision,
    article_dict,
    count_articles,
    delete_article,
    find_exact,
    find_near,
    find_seen,
    get_article,
    list_articles,
    list_articles_page,
)
from claimgraph.store.repo_claims import (
    cluster_claims,
    entity_ids,
    extracted_duplicate,
    get_claim,
    has_extraction,
    list_claims,
    list_entities,
    save_extraction,
)
from claimgraph.store.repo_history import (
    archive_extraction,
    archived_claims,
    claim_whereabouts,
    current_claims,
    extraction_history,
    get_setting,
    put_setting,
    reextract_candidates,
)

__all__ = [
    "IngestOutcome",
    "add_article",
    "add_revision",
    "archive_extraction",
    "archived_claims",
    "article_dict",
    "claim_whereabouts",
    "cluster_claims",
    "count_articles",
    "current_claims",
    "delete_article",
    "entity_ids",
    "extracted_duplicate",
    "extraction_history",
    "find_exact",
    "find_near",
    "find_seen",
    "get_article",
    "get_claim",
    "get_setting",
    "has_extraction",
    "list_articles",
    "list_articles_page",
    "list_claims",
    "list_entities",
    "put_setting",
    "reextract_candidates",
    "save_extraction",
]
