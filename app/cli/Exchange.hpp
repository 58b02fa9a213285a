#pragma once
// alliance import / export / backup / restore: the CLI's side of core/exchange.
#include "security/Workspace.hpp"

#include <optional>
#include <string>
#include <vector>

namespace alliance::cli {

// Imports the files in one transaction and prints what each held; every problem goes to stderr
// with its file, line and column, and then nothing is written (ValidationError: exit 3).
void importFiles(security::Workspace& work, const std::vector<std::string>& files, bool dryRun);

// Writes one kind (counselors | clients | ratings | ruptures | plans) to `out` (stdout when empty),
// or every kind ("all") into the folder `out`, as <kind>.csv. Files are the owner's only (0600).
// "fhir": one HL7 FHIR R4 Bundle (JSON) of one client or of the clients the account may see.
struct ExportScope {
    std::optional<std::string> counselor, client;
    bool withNames = false;
};
void exportRecords(security::Workspace& work, const std::string& kind, const std::string& out,
                   const ExportScope& scope);

// alliance report CLIENT --pdf FILE: the supervision pack, drawn by the app's own chart code -- so
// written by `alliance-tracker --supervision-pack` (found beside this program), which signs in as
// the same person. Returns the app's exit status (the CLI's codes).
struct PackRequest {
    std::string database, user, password, client, pdf, asOf;
    bool deidentified = false, withText = false;
};
int supervisionPack(const PackRequest& request);


} // namespace alliance::cli
