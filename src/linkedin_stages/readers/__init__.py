"""The registry of dataset readers: dataset name → how to find and read its file."""

from __future__ import annotations

from .activity import COMMENTS, REACTIONS, REPOSTS, SHARES, VOTES
from .articles import ARTICLES
from .base import DatasetSpec
from .interests import (
    COMPANY_FOLLOWS,
    EVENTS,
    HASHTAG_FOLLOWS,
    LEARNING,
    MEMBER_FOLLOWS,
    RICH_MEDIA,
    SAVED_ITEMS,
)
from .network import CONNECTIONS, INVITATIONS, MESSAGES
from .profile import (
    EDUCATION,
    ENDORSEMENTS_GIVEN,
    ENDORSEMENTS_RECEIVED,
    POSITIONS,
    PROFILE,
    RECOMMENDATIONS_GIVEN,
    RECOMMENDATIONS_RECEIVED,
    REGISTRATION,
    SKILLS,
)

# Public dataset names, in the order `inspect` lists them. Profile is read first so that
# messages can tell the member's own messages apart (see Export loading).
SPECS: dict[str, DatasetSpec] = {
    spec.name: spec
    for spec in (
        CONNECTIONS, INVITATIONS, MESSAGES, SHARES, COMMENTS, REACTIONS, REPOSTS, ARTICLES,
        VOTES, PROFILE, REGISTRATION, POSITIONS, EDUCATION, SKILLS, ENDORSEMENTS_RECEIVED,
        ENDORSEMENTS_GIVEN, RECOMMENDATIONS_RECEIVED, RECOMMENDATIONS_GIVEN, COMPANY_FOLLOWS,
        MEMBER_FOLLOWS, HASHTAG_FOLLOWS, RICH_MEDIA, EVENTS, SAVED_ITEMS, LEARNING,
    )
}
DATASETS: tuple[str, ...] = tuple(SPECS)

KEY_TO_DATASET: dict[str, str] = {key: spec.name for spec in SPECS.values() for key in spec.keys}

# Files a LinkedIn archive may hold that the analysis does not need (normalised names).
RECOGNISED_UNUSED: frozenset[str] = frozenset({
    "profilesummary", "certifications", "projects", "honors", "languages", "courses",
    "publications", "patents", "organizations", "volunteering", "testscores",
    "causesyoucareabout", "searchqueries", "adtargeting", "adsclicked", "lanadsengagement",
    "inferencesaboutyou", "importedcontacts", "contacts", "phonenumbers",
    "whatsappphonenumbers", "emailaddresses", "logins", "securitychallenges",
    "accountstatushistory", "savedjobs", "jobseekerpreferences", "savedjobalerts",
    "jobapplications", "jobapplicantsavedanswers", "jobapplicantsavedscreeningquestionresponses",
    "reviews", "receipts", "receiptsv2", "privateidentityasset", "verifications", "calendar",
    "coachmessages", "learningcoachmessages", "learningroleplaymessages", "guidemessages",
    "groups", "companypages", "services", "providers", "payments", "memberfollowing",
    "recommendationsgivenarchive", "sponsoredinmail", "invitationsarchive",
    "memberhashtags", "onlinejobpostings", "jobpostings",
    # Services Marketplace/ (a folder of its own in 2025 archives; LinkedIn's own spelling)
    "engagements", "opprtunities", "opportunities", "servicesmarketplace",
})
# Folders whose CSV files are all LinkedIn's, none used by the analysis.
RECOGNISED_FOLDERS: frozenset[str] = frozenset({"services marketplace"})

# Files only a complete archive has: their presence tells complete from basic.
COMPLETE_ONLY: frozenset[str] = frozenset({
    "shares", "comments", "reactions", "instantreposts", "votes", "logins", "searchqueries",
    "adtargeting", "inferencesaboutyou", "securitychallenges", "adsclicked",
})
# Files every archive, basic or complete, has when the member has any data at all.
CORE: tuple[str, ...] = ("profile", "registration", "connections")

__all__ = ["CORE", "COMPLETE_ONLY", "DATASETS", "DatasetSpec", "KEY_TO_DATASET",
           "RECOGNISED_FOLDERS", "RECOGNISED_UNUSED", "SPECS"]
