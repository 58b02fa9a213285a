// libFuzzer: the `alliance` command line, end to end, on a private in-memory database. The input
// is split at NUL bytes into arguments. Every outcome is an exit code 0..4; a crash, a sanitizer
// report or an escaped exception is a bug. Options that name files (--db) are left out, and HOME
// points at a scratch folder, so nothing on disk is touched.
#include "Commands.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    char folder[] = "/tmp/alliance-fuzz-XXXXXX";
    if (!::mkdtemp(folder))
        std::abort();
    ::unsetenv("ALLIANCE_DB");
    ::setenv("HOME", folder, 1);
    ::setenv("XDG_DATA_HOME", folder, 1);
    // The CLI prints; the fuzzer only cares about how it ends. stderr stays: libFuzzer and the
    // sanitizers report there.
    if (!std::freopen("/dev/null", "w", stdout))
        std::abort();
    std::cout.setstate(std::ios::badbit);
    std::cerr.setstate(std::ios::badbit);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 4096)
        return 0;
    std::vector<std::string> words = {"alliance", "--db", ":memory:"};
    std::string current;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            words.push_back(current);
            current.clear();
        } else {
            current += static_cast<char>(data[i]);
        }
    }
    words.push_back(current);
    for (std::size_t i = 3; i < words.size(); ++i)
        if (words[i].rfind("--db", 0) == 0 || words[i].rfind("--clients", 0) == 0 || words[i] == "demo")
            return 0; // files on disk, and large demos, are out of scope
    std::vector<char*> argv;
    for (auto& w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    const int code = alliance::cli::run(static_cast<int>(words.size()), argv.data());
    if (code < 0 || code > 4)
        std::abort();
    return 0;
}
