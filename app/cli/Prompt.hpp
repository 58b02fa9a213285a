#pragma once
// Secrets for the command line: from the environment (scripts) or typed on the terminal with
// echo off. Never from an argument, which the shell history and `ps` would show.
#include <stdexcept>
#include <string>

namespace alliance::cli {

// The command line lacks something only the person can supply (exit 2).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// $`variable` when set; otherwise asks on the terminal (/dev/tty) without echo -- twice when
// `confirm`, which must match. Throws UsageError when there is
// neither the variable nor a terminal, or the two typed differ.
std::string secret(const char* variable, const std::string& prompt, bool confirm = false);

} // namespace alliance::cli
