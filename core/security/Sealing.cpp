#include "security/Sealing.hpp"

#include "Errors.hpp"

#include <sqlite3.h>

namespace alliance::security {

std::span<const SealedColumn> sealedColumns()
{
    static constexpr SealedColumn columns[] = {
        {"client", "display_name", "client.display_name"},
        {"session", "note", "session.note"},
        {"rupture", "note", "rupture.note"},
        {"rupture_revision", "note", "rupture.note"},
        {"repair_plan", "note", "repair_plan.note"},
        {"repair_plan_step", "text", "repair_plan_step.text"},
        {"repair_plan_revision", "note", "repair_plan.note"},
        {"repair_plan_revision", "steps", "repair_plan_revision.steps"},
        {"plan_review", "text", "plan_review.text"},
        {"transition_plan", "next_steps", "transition_plan.next_steps"},
    };
    return columns;
}

const SecretKey& Sealing::key() const
{
    if (!key_)
        throw Locked("the database is locked: sign in first");
    return *key_;
}

std::string Sealing::seal(const std::string& context, const std::string& plain) const
{
    if (mode_ == Mode::Plain)
        return plain;
    return sealText(key(), context, plain);
}

std::string Sealing::unseal(const std::string& context, const std::string& stored) const
{
    if (mode_ == Mode::Plain)
        return stored;
    auto plain = openText(key(), context, stored);
    if (!plain)
        throw Tampered("a sealed " + context + " does not open: it was changed outside Alliance Tracker");
    return std::move(*plain);
}

namespace {

std::string argument(sqlite3_value* value)
{
    return {reinterpret_cast<const char*>(sqlite3_value_text(value)),
            static_cast<std::size_t>(sqlite3_value_bytes(value))};
}

template <bool sealing> void sealFunction(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto* self = static_cast<const Sealing*>(sqlite3_user_data(context));
    try {
        const std::string column = argument(argv[0]);
        const std::string out =
            sealing ? self->seal(column, argument(argv[1])) : self->unseal(column, argument(argv[1]));
        sqlite3_result_text(context, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
    } catch (const std::exception& e) {
        sqlite3_result_error(context, e.what(), -1);
    }
}

} // namespace

void Sealing::defineFunctions(sqlite3* db)
{
    // DIRECTONLY: no view, trigger or schema object of a crafted file can call them.
    const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
    int rc =
        sqlite3_create_function_v2(db, "seal", 2, flags, this, sealFunction<true>, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "unseal", 2, flags, this, sealFunction<false>, nullptr, nullptr,
                                        nullptr);
    if (rc != SQLITE_OK)
        throw StorageError(rc, "cannot define the sealing functions");
}

} // namespace alliance::security
