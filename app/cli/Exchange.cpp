#include "Exchange.hpp"

#include "Errors.hpp"
#include "Text.hpp"
#include "exchange/Export.hpp"

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

extern char** environ;

namespace alliance::cli {

namespace {

std::string plural(std::uint64_t n, const std::string& one, const std::string& many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A one-line bar on a terminal's stderr, redrawn at most once per percent.
class ProgressBar {
public:
    explicit ProgressBar(std::uint64_t total) : shown_(::isatty(STDERR_FILENO) == 1 && total > (1u << 20)) {}
    ~ProgressBar()
    {
        if (shown_ && last_ >= 0)
            std::cerr << "\r" << std::string(60, ' ') << "\r" << std::flush;
    }
    void operator()(std::uint64_t done, std::uint64_t total)
    {
        if (!shown_ || total == 0)
            return;
        const int percent = static_cast<int>(std::min<std::uint64_t>(100, done * 100 / total));
        if (percent == last_)
            return;
        last_ = percent;
        const int filled = percent * 40 / 100;
        std::cerr << "\rimporting [" << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(40 - filled), ' ') << "] " << percent << "%"
                  << std::flush;
    }

private:
    bool shown_;
    int last_ = -1;
};

} // namespace

void importFiles(security::Workspace& work, const std::vector<std::string>& files, bool dryRun)
{
    std::vector<std::unique_ptr<std::ifstream>> streams;
    std::vector<exchange::ImportSource> sources;
    std::uint64_t total = 0;
    for (const std::string& file : files) {
        std::error_code failed;
        if (!std::filesystem::exists(file, failed))
            throw NotFound("FILE", "no file " + printable(file));
        if (!std::filesystem::is_regular_file(file, failed))
            throw ValidationError("FILE", printable(file) + " is not a regular file");
        auto stream = std::make_unique<std::ifstream>(file, std::ios::binary);
        if (!*stream)
            throw PermissionDenied("cannot read " + printable(file) + ": " + std::strerror(errno));
        const auto size = std::filesystem::file_size(file, failed);
        sources.push_back({std::filesystem::path(file).filename().string(), stream.get(), failed ? 0 : size});
        total += failed ? 0 : size;
        streams.push_back(std::move(stream));
    }
    ProgressBar bar(total);
    exchange::ImportOptions options;
    options.dryRun = dryRun;
    options.progress = [&bar](std::uint64_t done, std::uint64_t all) { bar(done, all); };
    const exchange::ImportReport report = work.importCsv(sources, options);
    bar(total, total);

    for (const auto& file : report.files) {
        std::cout << printable(file.name) << ": ";
        if (!file.kind) {
            std::cout << "not read (see below)\n";
            continue;
        }
        const std::string kind = exchange::columnsOf(*file.kind).name;
        std::cout << plural(file.records, "record", "records") << " of " << kind << ": " << file.added
                  << (report.written ? " added" : " to add") << ", " << file.alreadyRecorded
                  << " already recorded\n";
    }
    for (const auto& p : report.problems)
        std::cerr << printable(p.file) << " line " << p.line
                  << (p.column.empty() ? "" : ", " + printable(p.column)) << ": " << printable(p.problem)
                  << '\n';
    if (report.problemCount > report.problems.size())
        std::cerr << "... and " << report.problemCount - report.problems.size() << " more problems\n";
    if (report.problemCount > 0)
        throw ValidationError("", plural(report.problemCount, "problem", "problems") +
                                      " in the file; nothing was imported (correct them and import again)");
    if (dryRun)
        std::cout << "Dry run: no problems found; nothing was written.\n";
}

void exportRecords(security::Workspace& work, const std::string& kind, const std::string& out,
                   const ExportScope& scope)
{
    const auto& counselor = scope.counselor;
    if (kind == "fhir") {
        const auto write = [&](std::ostream& file) {
            return work.exportFhir(file, scope.counselor, scope.client, scope.withNames);
        };
        if (out.empty()) {
            write(std::cout);
            return;
        }
        std::uint64_t ratings = 0;
        exchange::writePrivateFile(out, [&](std::ostream& file) { ratings = write(file); });
        std::cout << "Wrote a FHIR R4 bundle of " << plural(ratings, "rating", "ratings") << " to "
                  << printable(out) << '\n';
        return;
    }
    if (scope.client || scope.withNames)
        throw ValidationError(scope.client ? "--client" : "--with-names", "is for export fhir only");
    std::vector<exchange::RecordKind> kinds;
    for (const auto& k : exchange::recordKinds())
        if (kind == "all" || kind == k.name)
            kinds.push_back(k.kind);
    if (kinds.empty())
        throw ValidationError("KIND",
                              "invalid value " + quoteForError(kind) +
                                  ": choose counselors, clients, ratings, ruptures, plans, all or fhir",
                              Reason::NotAllowed);
    if (kind == "all") {
        if (out.empty())
            throw ValidationError("--out", "export all needs --out FOLDER", Reason::Required);
        std::error_code failed;
        const mode_t previous = ::umask(077);
        std::filesystem::create_directories(out, failed);
        ::umask(previous);
        if (failed)
            throw PermissionDenied("cannot make the folder " + printable(out) + ": " + failed.message());
    }
    for (const auto k : kinds) {
        const std::string name = exchange::columnsOf(k).name;
        if (out.empty()) {
            work.exportCsv(k, std::cout, counselor);
            continue;
        }
        const std::string path =
            kind == "all" ? (std::filesystem::path(out) / (name + ".csv")).string() : out;
        std::uint64_t rows = 0;
        exchange::writePrivateFile(path,
                                   [&](std::ostream& file) { rows = work.exportCsv(k, file, counselor); });
        std::cout << "Wrote " << plural(rows, "row", "rows") << " of " << name << " to " << printable(path)
                  << '\n';
    }
}

int supervisionPack(const PackRequest& request)
{
    std::error_code failed;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", failed).parent_path();
    std::string app;
    for (const auto& candidate : {self / "alliance-tracker", self.parent_path() / "gui" / "alliance-tracker"})
        if (std::filesystem::exists(candidate, failed)) {
            app = candidate.string();
            break;
        }
    if (app.empty())
        throw NotFound("alliance-tracker",
                       "the app (alliance-tracker), which draws the pack, is not installed "
                       "beside this program");
    std::vector<std::string> args{app,     "--db",     request.database, "--supervision-pack", request.client,
                                  "--pdf", request.pdf};
    if (!request.asOf.empty())
        args.insert(args.end(), {"--as-of", request.asOf});
    if (request.deidentified)
        args.emplace_back("--deidentified");
    if (request.withText)
        args.emplace_back("--with-text");
    std::vector<std::string> environment;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        if (entry.rfind("ALLIANCE_USER=", 0) != 0 && entry.rfind("ALLIANCE_PASSWORD=", 0) != 0 &&
            entry.rfind("QT_QPA_PLATFORM=", 0) != 0)
            environment.push_back(entry);
    }
    // The password goes to the app the way it came here (never on its command line).
    environment.push_back("ALLIANCE_USER=" + request.user);
    environment.push_back("ALLIANCE_PASSWORD=" + request.password);
    environment.emplace_back("QT_QPA_PLATFORM=offscreen");
    std::string runtime = (std::filesystem::temp_directory_path() / "alliance-report-XXXXXX").string();
    const bool ownRuntime = std::getenv("XDG_RUNTIME_DIR") == nullptr && ::mkdtemp(runtime.data()) != nullptr;
    if (ownRuntime)
        environment.push_back("XDG_RUNTIME_DIR=" + runtime); // Qt wants one; the user's session has none
    std::vector<char*> argv, envp;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : environment)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, app.c_str(), nullptr, nullptr, argv.data(), envp.data()) != 0)
        throw PermissionDenied("cannot start " + printable(app));
    int status = 0;
    const bool exited = ::waitpid(pid, &status, 0) == pid && WIFEXITED(status);
    if (ownRuntime)
        std::filesystem::remove_all(runtime, failed);
    return exited ? WEXITSTATUS(status) : 1;
}

} // namespace alliance::cli
