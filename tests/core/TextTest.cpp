#include "Text.hpp"
#include "Errors.hpp"
#include "Instruments.hpp"
#include "TestSupport.hpp"
#include "Validation.hpp"

#include <catch2/catch.hpp>

using namespace alliance;

TEST_CASE("Text: invalid UTF-8 and control characters are refused, naming the field")
{
    const auto single = [](const std::string& v) {
        return test::rejectedField([&] { cleanText("display_name", v, 200); });
    };
    CHECK(single("caf\xC3") == "display_name");      // truncated sequence
    CHECK(single("\xFF\xFE") == "display_name");     // never valid
    CHECK(single("\xED\xA0\x80") == "display_name"); // a UTF-16 surrogate
    CHECK(single("\xC0\xAF") == "display_name");     // overlong '/'
    CHECK(single("red\x1B[31m") == "display_name");  // ESC
    CHECK(single("ding\x07") == "display_name");     // BEL
    CHECK(single(std::string("nul\0x", 5)) == "display_name");
    CHECK(single("two\nlines") == "display_name");
    CHECK(single("line\xE2\x80\xA8sep") == "display_name"); // U+2028
    CHECK(single("\xC2\x9B"
                 "31m") == "display_name"); // C1 CSI
    CHECK(single("abc\xE2\x80\xAE"
                 "cba") == "display_name"); // RLO reorders what follows
    CHECK(single("") == "display_name");
    // A note may hold lines and tabs; CRLF becomes LF; ESC is still refused.
    CHECK(cleanText("note", "one\r\ntwo\tthree\rfour", 100, TextShape::MultiLine) == "one\ntwo\tthree\nfour");
    CHECK(test::rejectedField([] {
              cleanText("note",
                        "a\x1B"
                        "b",
                        100, TextShape::MultiLine);
          }) == "note");
    // The message names the place, never the text.
    try {
        cleanText("note", "client disclosed \x1B secret", 100, TextShape::MultiLine);
        FAIL("accepted ESC");
    } catch (const ValidationError& e) {
        CHECK(std::string(e.what()).find("disclosed") == std::string::npos);
        CHECK(std::string(e.what()).find("U+001B") != std::string::npos);
    }
}

TEST_CASE("Text: stored text is NFC, and its length is counted after normalising")
{
    const std::string decomposed = "Zoe\xCC\x88"; // e + COMBINING DIAERESIS
    const std::string composed = "Zo\xC3\xAB";    // ë
    CHECK(cleanText("display_name", decomposed, 200) == composed);
    CHECK(cleanText("display_name", "Zo\xC3\xAB \xF0\x9F\x98\x80", 200) == "Zo\xC3\xAB \xF0\x9F\x98\x80");
    CHECK(test::rejectedField([] { cleanText("display_name", std::string(201, 'x'), 200); }) ==
          "display_name");
}

TEST_CASE("Identifiers: trimmed, and look-alikes, invisibles and bidi controls refused")
{
    CHECK(cleanIdentifier("code", "  C-001\xC2\xA0", 64) == "C-001"); // NBSP at the end is trimmed
    for (const std::string hostile : {
             std::string("C\xE2\x80\x8B-001"), // zero-width space
             std::string("C\xE2\x80\x8D-001"), // zero-width joiner
             std::string("C-001\xE2\x80\x8E"), // LRM
             std::string("C-001\xE2\x80\x8F"), // RLM
             std::string("\xE2\x80\xAA"
                         "C-001"), // LRE
             std::string("\xE2\x81\xA6"
                         "C-001"),            // LRI
             std::string("\xEF\xBC\xA3-001"), // FULLWIDTH C
             std::string("C\xEF\xBC\x8D"
                         "001"), // FULLWIDTH HYPHEN-MINUS
             std::string("C\xC2\xA0"
                         "001"), // NBSP inside
             std::string("C-\xE3\x85\xA4"
                         "001"), // Hangul filler, renders as nothing
             std::string("\xEF\xBB\xBF"
                         "C-001"),          // BOM
             std::string("C-\xEE\x80\x80"), // private use
         })
        CHECK(test::rejectedField([&] { cleanIdentifier("code", hostile, 64); }) == "code");
    // Letters of any script are fine.
    CHECK(cleanIdentifier("name", "Zo\xC3\xAB \xC3\x98stergaard", 200) == "Zo\xC3\xAB \xC3\x98stergaard");
    CHECK(cleanIdentifier("name", "\xE7\x8E\x8B\xE8\x8A\xB3", 200) == "\xE7\x8E\x8B\xE8\x8A\xB3");
}

TEST_CASE("Identity keys ignore case and width, so look-alike codes are one code")
{
    CHECK(identityKey("C-001") == identityKey("c-001"));
    CHECK(identityKey("STRASSE") == identityKey("stra\xC3\x9F"
                                                "e"));
    CHECK(identityKey("\xEF\xBC\xA3-001") == identityKey("c-001"));
    CHECK(identityKey("C\xE2\x80\x8B-001") == identityKey("C-001"));
    CHECK(identityKey("C-001") != identityKey("C-002"));
    CHECK(identityKey("\xFF") == "\xFF"); // invalid bytes still get a key
}

TEST_CASE("Printable text never carries a control sequence to a terminal")
{
    CHECK(printable("ok \xC3\xAB") == "ok \xC3\xAB");
    CHECK(printable("a\x1B[2Jb") == "a\xEF\xBF\xBD[2Jb");
    CHECK(printable("bad\xFF") == "bad\xEF\xBF\xBD");
    CHECK(printable("x\xE2\x80\xAEy") == "x\xEF\xBF\xBDy");
    CHECK(printable("one\ntwo") == "one\xEF\xBF\xBDtwo");
    CHECK(printable("one\ntwo", true) == "one\ntwo");
    CHECK(quoteForError("\x1B]0;title\x07").find('\x1B') == std::string::npos);
}

TEST_CASE("Numbers mean what was typed: one syntax for items and options")
{
    CHECK(parseWholeNumber("duration", " 050 ", 1, 600) == 50);
    CHECK(parseWholeNumber("duration", "0000000000050", 1, 600) == 50);
    for (const std::string bad : {"+5", "-5", "5 0", "0x10", "5.0", "1e2", "", " ", "five"})
        CHECK(test::rejectedField([&] { parseWholeNumber("duration", bad, 1, 600); }) == "duration");
    CHECK(parseDecimal("sd", "8") == 8.0);
    CHECK(parseDecimal("sd", " 08.50 ") == 8.5);
    for (const std::string bad :
         {std::string("0x10"), std::string("+4"), std::string("-4"), std::string("inf"), std::string("nan"),
          std::string("1e3"), std::string(".5"), std::string("5."), std::string("4 .5"), std::string("1,5"),
          std::string(400, '9')})
        CHECK(test::rejectedField([&] { parseDecimal("sd", bad); }) == "sd");

    // Items: trimmed only at their ends.
    CHECK(parseItems(Instrument::Srs, " 8.5 , 07.0,9.5 ,8 ") == std::vector<int>{85, 70, 95, 80});
    CHECK(test::rejectedField([] { parseItems(Instrument::Srs, "8.5,7.0,9.5,1 0"); }) == "item 4");
    CHECK(test::rejectedField([] { parseItems(Instrument::Srs, "8.5,+7.0,9.5,8"); }) == "item 2");
    CHECK(test::rejectedField([] { parseItems(Instrument::Srs, "8.5,7.0,9.5,0x8"); }) == "item 4");
    CHECK(test::rejectedField([] { parseItems(Instrument::Srs, "8.5,7.05,9.5,8"); }) == "item 2");
    CHECK(test::rejectedField([] { parseItems(Instrument::Bgt, "7,8,inf"); }) == "item 3");
}

TEST_CASE("Store: client codes and counselor names are unique without regard to case or width")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    store.addCounselor("  Alex Rivera ", Role::Counselor, std::nullopt);
    CHECK(store.counselors().at(0).name == "Alex Rivera");
    const std::string before = test::dumpAll(store);
    CHECK(test::rejectedField([&] { store.addCounselor("alex rivera", Role::Counselor, std::nullopt); }) ==
          "name");
    CHECK(test::rejectedField([&] {
              store.addCounselor("Alex\xE2\x80\x8B Rivera", Role::Counselor, std::nullopt);
          }) == "name");
    CHECK(test::dumpAll(store) == before);

    store.addClient({"C-001", "ALEX RIVERA", std::nullopt, Date(2026, 1, 1), 7}); // lookup ignores case
    const std::string withClient = test::dumpAll(store);
    for (const std::string lookAlike : {"c-001", " C-001 ", "\xEF\xBC\xA3-001", "C-001\xE2\x80\x8E"})
        CHECK_THROWS_AS(store.addClient({lookAlike, "Alex Rivera", std::nullopt, Date(2026, 1, 1), 7}),
                        ValidationError);
    CHECK(test::dumpAll(store) == withClient);
    // The lookup follows the same rules: any spelling of the code finds the one client.
    CHECK(store.clientDetail("c-001").client.code == "C-001");
    CHECK(store.clientDetail(" C-001").client.code == "C-001");
    CHECK_THROWS_AS(store.clientDetail("C-0O1"), NotFound);
}

TEST_CASE("Store: notes are cleaned, and the limit applies to a session's whole note")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    NewRating rating;
    rating.clientCode = "C-001";
    rating.date = Date(2026, 1, 5);
    rating.instrument = Instrument::Bgt;
    rating.itemTenths = {70, 80, 90};
    rating.note = "first\r\nnote";
    rating.durationMinutes = 50;
    store.logRating(rating);
    CHECK(store.clientDetail("C-001").sessions.at(0).note == "first\nnote");

    const std::string before = test::dumpAll(store);
    NewRating second = rating;
    second.rater = Rater::Counselor;
    second.note = std::string(99995, 'n'); // fits alone, not with the first note
    CHECK(test::rejectedField([&] { store.logRating(second); }) == "note");
    second.note = "ok";
    second.durationMinutes = 45; // the session is already 50 minutes
    CHECK(test::rejectedField([&] { store.logRating(second); }) == "duration");
    second.durationMinutes = std::nullopt;
    second.note = "bell\x07";
    CHECK(test::rejectedField([&] { store.logRating(second); }) == "note");
    CHECK(test::dumpAll(store) == before);
    second.note = "second";
    second.durationMinutes = 50;
    store.logRating(second);
    CHECK(store.clientDetail("C-001").sessions.at(0).note == "first\nnote\nsecond");
}

TEST_CASE("Store: dates out of range and start dates in the future are refused")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    store.addCounselor("Alex Rivera", Role::Counselor, std::nullopt);
    const std::string before = test::dumpAll(store);
    CHECK(
        test::rejectedField([&] {
            store.addClient({"C-001", "Alex Rivera", std::nullopt, today() + boost::gregorian::days(30), 7});
        }) == "start");
    CHECK(test::rejectedField([&] {
              store.addClient({"C-001", "Alex Rivera", std::nullopt, Date(1899, 12, 31), 7});
          }) == "start");
    CHECK(test::dumpAll(store) == before);
}

namespace {
// The reason and values of the FieldError `f` throws (Other and nothing when it throws none).
template <class F> std::pair<Reason, std::vector<std::string>> refusal(F&& f)
{
    try {
        f();
    } catch (const FieldError& e) {
        return {e.reason(), e.values()};
    }
    return {Reason::Other, {}};
}
} // namespace

TEST_CASE("Refusals carry a reason and its values, for a front end to word in its own language")
{
    using Values = std::vector<std::string>;
    CHECK(refusal([] { parseWholeNumber("n", "9", 1, 5); }) ==
          std::pair{Reason::OutOfRange, Values{"1", "5"}});
    CHECK(refusal([] { parseWholeNumber("n", "x", 1, 5); }).first == Reason::NotANumber);
    CHECK(refusal([] { parseWholeNumber("n", " ", 1, 5); }).first == Reason::Required);
    CHECK(refusal([] { parseIsoDate("2026-02-30", "date"); }).first == Reason::NotADate);
    CHECK(refusal([] { requireReferenceDate("date", Date(1850, 1, 1)); }) ==
          std::pair{Reason::DateOutOfRange, Values{"1900-01-01", "9999-12-31"}});
    CHECK(refusal([] { requireRecordDate("date", today() + boost::gregorian::days(30)); }).first ==
          Reason::InFuture);
    CHECK(refusal([] { cleanText("name", "", 10); }).first == Reason::Required);
    CHECK(refusal([] { cleanText("name", "abcdefghijk", 10); }) ==
          std::pair{Reason::TooLong, Values{"11", "10"}});
    CHECK(refusal([] { cleanText("name", "a\nb", 10); }).first == Reason::SingleLine);
    CHECK(refusal([] { cleanText("name", "a\x1b[31m", 10); }).first == Reason::BadCharacters);
    CHECK(refusal([] { parseItem(Instrument::WaiSr, 0, "3.5"); }) ==
          std::pair{Reason::WholeNumber, Values{"1", "5"}});
    CHECK(refusal([] { parseItem(Instrument::Srs, 0, "10.5"); }) ==
          std::pair{Reason::OutOfRange, Values{"0.0", "10.0"}});
    CHECK(refusal([] { parseSlug<Rater>("nobody", "rater"); }).first == Reason::NotAllowed);
    CHECK(refusal([] { throw NotFound("code", "no client C-9"); }).first == Reason::NotFound);
}
