#include "ImportBench.hpp"

#include "Agency.hpp"
#include "Store.hpp"
#include "security/Accounts.hpp"
#include "security/Workspace.hpp"

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

extern char** environ;

namespace alliance::bench {

namespace {

constexpr int counselors = 100;
constexpr int clients = 5000;

struct Child {
    double ms = 0;
    double peakMiB = 0;
};

// Runs a program to its end; its time and its own peak memory (wait4's rusage).
Child runChild(const std::vector<std::string>& args)
{
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error("cannot start " + args[0]);
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(args[0] + " failed (" + args.back() + ")");
    return {std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(),
            static_cast<double>(usage.ru_maxrss) / 1024.0};
}

std::string counselorName(int k)
{
    char name[32];
    std::snprintf(name, sizeof name, "Counselor %03d", k);
    return name;
}

std::string clientCode(int c)
{
    char code[16];
    std::snprintf(code, sizeof code, "I-%05d", c);
    return code;
}

// counselors.csv, clients.csv and ratings.csv: weekly SRS ratings from 2020-01-06, one a session.
void writeFiles(const std::string& dir, long ratings)
{
    std::ofstream people(dir + "/counselors.csv");
    people << "counselor,role,supervisor\n";
    for (int k = 1; k <= counselors; ++k)
        people << counselorName(k) << ",counselor,\n";
    std::ofstream list(dir + "/clients.csv");
    list << "client,counselor,start_date,cadence_days\n";
    for (int c = 1; c <= clients; ++c)
        list << clientCode(c) << ',' << counselorName((c - 1) % counselors + 1) << ",2020-01-06,7\n";
    std::ofstream out(dir + "/ratings.csv");
    out << "client,date,instrument,rater,item1,item2,item3,item4\n";
    std::mt19937 random(12);
    std::uniform_int_distribution<int> item(40, 100);
    const long perClient = ratings / clients;
    for (int c = 1; c <= clients; ++c) {
        const long count = perClient + (c <= ratings % clients ? 1 : 0);
        Date day(2020, 1, 6);
        for (long s = 0; s < count; ++s, day += boost::gregorian::days(7)) {
            out << clientCode(c) << ',' << toIso(day) << ",srs,client";
            for (int i = 0; i < 4; ++i) {
                const int tenths = item(random);
                out << ',' << tenths / 10 << '.' << tenths % 10;
            }
            out << '\n';
        }
    }
}

void shell(const std::string& db, const std::string& script)
{
    runChild({"sqlite3", db, script});
}

} // namespace

ImportTimes measureImport(const std::string& dir, const std::string& cli, long ratings)
{
    namespace fs = std::filesystem;
    const std::string folder = dir + "/import-" + std::to_string(ratings);
    const std::string base = folder + "/base.db";
    if (!fs::exists(base)) {
        fs::create_directories(folder);
        writeFiles(folder, ratings);
        {
            Store store(base + ".making", OpenMode::CreateIfMissing);
            security::initialize(store, {benchAdmin, Role::Admin, std::nullopt, true}, benchPassword);
            auto admin = security::Workspace::signIn(store, benchAdmin, benchPassword);
            std::ifstream a(folder + "/counselors.csv"), b(folder + "/clients.csv");
            const auto report = admin.importCsv({{"counselors.csv", &a, 0}, {"clients.csv", &b, 0}}, {});
            if (!report.written)
                throw std::runtime_error("the benchmark's counselors and clients did not import");
        } // closed: checkpointed, no -wal left
        fs::rename(base + ".making", base);
    }
    ImportTimes times;
    times.csvMiB = static_cast<long>(fs::file_size(folder + "/ratings.csv") >> 20);
    const auto fresh = [&](const std::string& name) {
        const std::string path = folder + "/" + name;
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(path + suffix);
        fs::copy_file(base, path);
        return path;
    };

    // The product: the CLI, as a person runs it, into a copy of the empty agency.
    const std::string product = fresh("product.db");
    setenv("ALLIANCE_USER", benchAdmin, 1);
    setenv("ALLIANCE_PASSWORD", benchPassword, 1);
    const Child run = runChild({cli, "--db", product, "import", folder + "/ratings.csv"});
    times.product = run.ms;
    times.peakMiB = run.peakMiB;
    {
        Store check(product, OpenMode::MustExist);
        sql::Statement count(check.connection(), "SELECT count(*), count(DISTINCT session_id) FROM rating");
        count.step();
        times.rightCount = count.int64(0) == ratings && count.int64(1) == ratings;
    }

    // The shell: the same CSV with .import, into a table of its own, in a copy of the same database.
    const std::string staged = fresh("shell.db");
    times.shellImport = runChild({"sqlite3", staged, ".import --csv " + folder + "/ratings.csv staging"}).ms;
    // ... and into the schema: .import, then the session and rating rows made from it with SQL (the
    // shell cannot name a client by its code otherwise); no validation, scores summed in SQL.
    const std::string schema = fresh("shell-schema.db");
    const auto start = std::chrono::steady_clock::now();
    shell(schema, ".import --csv " + folder + "/ratings.csv staging");
    shell(
        schema,
        "BEGIN; INSERT INTO session (client_id, date) SELECT c.id, s.date FROM staging s JOIN client c ON "
        "c.code = s.client; INSERT INTO rating (session_id, instrument, rater, items, total_tenths, "
        "bond_tenths, goal_tenths, task_tenths, overall_tenths) SELECT se.id, s.instrument, s.rater, "
        "s.item1 || ',' || s.item2 || ',' || s.item3 || ',' || s.item4, "
        "CAST(round((s.item1 + s.item2 + s.item3 + s.item4) * 10) AS INTEGER), CAST(round(s.item1 * 10) AS "
        "INTEGER), CAST(round(s.item2 * 10) AS INTEGER), CAST(round(s.item3 * 10) AS INTEGER), "
        "CAST(round(s.item4 * 10) AS INTEGER) FROM staging s JOIN client c ON c.code = s.client JOIN session "
        "se ON se.client_id = c.id AND se.date = s.date; DROP TABLE staging; COMMIT;");
    times.shellSchema =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    for (const char* name : {"product.db", "shell.db", "shell-schema.db"})
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(folder + "/" + name + suffix);
    return times;
}

} // namespace alliance::bench
