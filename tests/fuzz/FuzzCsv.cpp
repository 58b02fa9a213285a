// libFuzzer: CSV import, end to end, on one in-memory agency (an admin, a counselor, a client with
// a rupture). The input is a CSV file of any kind; it is imported by the admin without --dry-run,
// then checked: an import with a problem wrote nothing; a written one wrote only valid records
// (integrity and foreign keys); every problem names a line within the input; and importing the
// same bytes again adds nothing. A crash, a sanitizer report or an escaped exception is a bug.
#include "Store.hpp"
#include "TestSupport.hpp"
#include "exchange/Import.hpp"
#include "security/Accounts.hpp"
#include "security/Workspace.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>

using namespace alliance;

namespace {

struct Agency {
    Store store{":memory:", OpenMode::CreateIfMissing};
    std::unique_ptr<security::Workspace> admin;
    Agency()
    {
        security::initialize(store, {"Robin Admin", Role::Admin, std::nullopt, true}, "fuzz password");
        store.addCounselor("Alex Rivera", Role::Counselor, std::nullopt);
        NewClient client;
        client.code = "C-001";
        client.counselorName = "Alex Rivera";
        client.startDate = Date(2026, 1, 1);
        store.addClient(client);
        NewRating rating;
        rating.clientCode = "C-001";
        rating.date = Date(2026, 2, 2);
        rating.itemTenths = {80, 80, 80};
        store.logRating(rating);
        NewRupture rupture;
        rupture.clientCode = "C-001";
        rupture.session = SessionRef(1);
        store.flagRupture(rupture);
        admin = std::make_unique<security::Workspace>(
            security::Workspace::signIn(store, "Robin Admin", "fuzz password"));
    }
};

exchange::ImportReport importBytes(security::Workspace& work, const std::string& bytes)
{
    std::istringstream in(bytes);
    return work.importCsv({{"fuzz.csv", &in, bytes.size()}}, {});
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 16384)
        return 0;
    static Agency agency; // one agency: what a written import adds stays for the next input
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const std::string before = test::dumpContent(agency.store);
    const exchange::ImportReport report = importBytes(*agency.admin, bytes);
    const std::uint64_t lines = static_cast<std::uint64_t>(std::count(bytes.begin(), bytes.end(), '\n') +
                                                           std::count(bytes.begin(), bytes.end(), '\r') + 1);
    for (const auto& p : report.problems)
        if (p.line < 1 || p.line > lines || p.problem.empty())
            std::abort();
    if (report.problemCount > 0 && (report.written || test::dumpContent(agency.store) != before))
        std::abort(); // a problem, yet something was written
    if (report.written) {
        {
            sql::Statement check(agency.store.connection(), "PRAGMA integrity_check");
            check.step();
            sql::Statement keys(agency.store.connection(), "PRAGMA foreign_key_check");
            if (check.text(0) != "ok" || keys.step())
                std::abort();
        } // finished before the next import (a live statement would keep its temporary table)
        const std::string after = test::dumpContent(agency.store);
        const exchange::ImportReport again = importBytes(*agency.admin, bytes);
        for (const auto& file : again.files)
            if (file.added != 0)
                std::abort(); // the same file twice adds nothing
        if (again.problemCount == 0 && test::dumpContent(agency.store) != after)
            std::abort();
    }
    return 0;
}
