#pragma once
// Where the database lives when nobody says: $ALLIANCE_DB, else the XDG data directory.
#include <string>

namespace alliance {

// $ALLIANCE_DB if set and non-empty; else $XDG_DATA_HOME/alliance-tracker/alliance.db;
// else $HOME/.local/share/alliance-tracker/alliance.db. Throws Error when none can be formed.
std::string defaultDatabasePath();

} // namespace alliance
