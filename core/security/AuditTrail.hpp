#pragma once
// The audit trail: who signed in (and who failed), who viewed which client, who changed, corrected
// or voided what -- ids, actions and reasons, never clinical text. Entries are only added. Each
// one carries a keyed hash (HMAC-SHA-256 under a subkey of the data key) of the previous entry's
// hash and its own fields, and the keyring keeps a keyed hash of the last one, so an entry edited,
// deleted, inserted or moved in the file -- or a cut-off tail -- is found by verifyAudit.
#include "Model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace alliance {
class Store;
}

namespace alliance::security {

struct AuditEvent {
    std::string action; // "sign-in", "view-client", "log-session", "void-rating", ...
    std::optional<std::string> clientCode;
    std::optional<std::string> target; // "<kind> <id or name>": "rating 12", "plan 4", "account Alex Rivera"
    // A correction's reason, or the counselor a caseload read was of (none: all the reader may see);
    // never clinical text.
    std::optional<std::string> detail;
};

struct AuditEntry {
    Id id = 0;
    std::string at; // UTC, YYYY-MM-DDTHH:MM:SSZ
    std::optional<Id> accountId;
    std::string actor;
    AuditEvent event;
    bool pending = false; // a failed sign-in not yet chained (written without a key)
};

// Appends an entry by `accountId`/`actor` (the store must be unlocked), first chaining in any
// pending failed sign-ins. Runs inside the caller's transaction when there is one.
void appendAudit(Store& store, std::optional<Id> accountId, const std::string& actor,
                 const AuditEvent& event);
// Records a failed sign-in without a key (audit_pending); chained by the next appendAudit.
void recordFailedSignIn(Store& store, const std::string& actor, const std::string& action);

struct AuditFilter {
    std::optional<std::string> clientCode;
    std::optional<std::string> actor;
};
// Entries oldest first (chained, then pending), filtered.
std::vector<AuditEntry> auditEntries(Store& store, const AuditFilter& filter = {});

struct AuditCheck {
    bool intact = true;
    std::size_t entries = 0;
    std::size_t pending = 0;
    // The first entry that does not verify (its id; for a cut tail, one past the last one kept).
    std::optional<Id> firstBroken;
    std::string problem; // why, in English ("changed", "missing before it", "the end was cut")
};
AuditCheck verifyAudit(Store& store);

} // namespace alliance::security
