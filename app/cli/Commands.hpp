#pragma once

namespace alliance::cli {

// Exit status: 0 ok, 2 usage, 3 invalid input, 4 not found, 5 sign-in refused or access denied,
// 6 the audit trail does not verify, 1 anything else.
enum ExitCode {
    Ok = 0,
    Failure = 1,
    Usage = 2,
    InvalidInput = 3,
    NotFoundCode = 4,
    Refused = 5,
    AuditBroken = 6
};

int run(int argc, char** argv);

} // namespace alliance::cli
