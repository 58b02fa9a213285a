#pragma once
// Exceptions the core throws. Callers act on the type: ValidationError -> fix the input,
// NotFound -> name something that exists, StorageError -> the database itself failed.
// Messages never contain free text entered about a client (notes, display names).
#include <stdexcept>
#include <string>
#include <vector>

namespace alliance {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Why an input was refused, as a fact a front end words in its own language (the values say the
// rest: a range's ends, a length). Other: only the core's English `problem` says why.
enum class Reason {
    Other,
    Required,        // nothing given where something is needed
    NotANumber,      // not a plain number (or too many decimals)
    OutOfRange,      // values: the lowest and highest allowed
    WholeNumber,     // a whole number is needed; values: lowest, highest
    NotADate,        // not a real date written YYYY-MM-DD
    DateOutOfRange,  // values: earliest, latest
    InFuture,        // a record dated after tomorrow
    TooLong,         // values: the length given, the most allowed (bytes)
    TooShort,        // values: the length given, the least allowed (characters)
    SingleLine,      // a line break where one line is expected
    BadCharacters,   // control, invisible, direction-changing or look-alike characters
    NotAllowed,      // not one of the allowed words
    AlreadyRecorded, // the same thing is on record already (or given twice)
    Unchanged,       // a correction that changes nothing
    AlreadyVoid,     // voiding what is void
    NotFound,        // the thing named does not exist
};

// An error about one named input: `field` names it ("date", "item 3"; "" when none) and
// `problem` says what is wrong without the field's name, so a front end can word the field itself;
// `reason` and `values` say the same as facts, for a front end that words it in another language.
class FieldError : public Error {
public:
    FieldError(std::string field, const std::string& problem, Reason reason = Reason::Other,
               std::vector<std::string> values = {})
        : Error(field.empty() ? problem : field + ": " + problem), field_(std::move(field)),
          problem_(problem), reason_(reason), values_(std::move(values))
    {
    }
    const std::string& field() const noexcept { return field_; }
    const std::string& problem() const noexcept { return problem_; }
    Reason reason() const noexcept { return reason_; }
    const std::vector<std::string>& values() const noexcept { return values_; }

private:
    std::string field_;
    std::string problem_;
    Reason reason_;
    std::vector<std::string> values_;
};

// Input that breaks a rule.
class ValidationError : public FieldError {
public:
    using FieldError::FieldError;
};

// A named record (counselor, client, session, rupture, plan, alert) does not exist.
class NotFound : public FieldError {
public:
    explicit NotFound(const std::string& what) : FieldError(std::string(), what, Reason::NotFound) {}
    NotFound(std::string field, const std::string& what)
        : FieldError(std::move(field), what, Reason::NotFound)
    {
    }
};

// The database refused or failed; `code` is the SQLite result code.
class StorageError : public Error {
public:
    StorageError(int code, const std::string& what) : Error(what), code_(code) {}
    int code() const noexcept { return code_; }

private:
    int code_;
};

// Another connection holds the lock the operation needed, past the busy timeout.
class DatabaseLocked : public StorageError {
public:
    using StorageError::StorageError;
};

// The database file was written by a newer version of the program.
class SchemaTooNew : public Error {
public:
    SchemaTooNew(int found, int supported, const std::string& path = {})
        : Error("database " + (path.empty() ? std::string() : path + " ") + "has schema version " +
                std::to_string(found) + ", newer than this program supports (" + std::to_string(supported) +
                "); it was left as it is: upgrade Alliance Tracker"),
          found_(found)
    {
    }
    int found() const noexcept { return found_; }

private:
    int found_;
};

// The operating system refused access to a file (permission denied, read-only file).
class PermissionDenied : public Error {
public:
    using Error::Error;
};

// The signed-in account may not do this (its role, or the client is not theirs). Nothing was
// changed and nothing was read. `refusal` says which rule, for a front end to word; `subject`
// is the client code or person it was about ("" when none).
class AccessDenied : public Error {
public:
    enum class Refusal {
        NotOnCaseload,      // a client not of the account's caseload or team
        OwnCounselorOnly,   // only the client's counselor changes their records
        CommentNotAllowed,  // not the counselor, their supervisor or an admin
        AdminOnly,          // account management, adding people, the audit trail
        MoveAdminOnly,      // moving a client to another counselor
        OwnCaseloadOnly,    // adding a client to someone else's caseload
        OtherCaseload,      // the caseload of someone outside the account's team
        EveryoneAdminOnly,  // everyone's review
        MustChangePassword, // an admin reset the password: change it first
    };
    AccessDenied(Refusal refusal, std::string subject, const std::string& what)
        : Error(what), refusal_(refusal), subject_(std::move(subject))
    {
    }
    Refusal refusal() const noexcept { return refusal_; }
    const std::string& subject() const noexcept { return subject_; }

private:
    Refusal refusal_;
    std::string subject_;
};

// Sign-in refused. Unknown names and wrong passwords read alike, so a name cannot be probed.
class SignInRefused : public Error {
public:
    enum class Why { WrongPassword, Waiting, Disabled, NoAccounts };
    SignInRefused(Why why, const std::string& what, long long waitSeconds = 0)
        : Error(what), why_(why), waitSeconds_(waitSeconds)
    {
    }
    Why why() const noexcept { return why_; }
    // Waiting: seconds until the next try is taken.
    long long waitSeconds() const noexcept { return waitSeconds_; }

private:
    Why why_;
    long long waitSeconds_;
};

// The data key is not in memory: nobody is signed in (or the app locked itself).
class Locked : public Error {
public:
    using Error::Error;
};

// Stored data that is sealed or chained did not verify: it was changed outside the program.
class Tampered : public Error {
public:
    using Error::Error;
};

// The file is not an Alliance Tracker database (empty, not SQLite, another program's, not a
// regular file); it was not opened for writing and is unchanged.
class NotOurDatabase : public Error {
public:
    using Error::Error;
};

// Shortens a user-supplied value for an error message so a pasted note never lands in a log.
std::string quoteForError(const std::string& value);

} // namespace alliance
