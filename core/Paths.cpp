#include "Paths.hpp"

#include "Errors.hpp"

#include <cstdlib>

namespace alliance {

std::string defaultDatabasePath()
{
    const auto env = [](const char* name) -> std::string {
        const char* value = std::getenv(name);
        return value ? value : "";
    };
    if (const std::string explicitPath = env("ALLIANCE_DB"); !explicitPath.empty())
        return explicitPath;
    // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
    if (const std::string data = env("XDG_DATA_HOME"); !data.empty() && data.front() == '/')
        return data + "/alliance-tracker/alliance.db";
    if (const std::string home = env("HOME"); !home.empty())
        return home + "/.local/share/alliance-tracker/alliance.db";
    throw Error("cannot find the data directory: set HOME, XDG_DATA_HOME or ALLIANCE_DB, or pass --db");
}

} // namespace alliance
