// Reading a whole caseload in one pass gives every client exactly what reading it alone gives.
#include "Alerts.hpp"
#include "Demo.hpp"
#include "TestSupport.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace alliance;

namespace {

// Everything a ClientDetail holds, written out, so that two reads can be compared whole.
std::string written(const ClientDetail& d)
{
    std::ostringstream out;
    out << d.client.id << d.client.code << d.client.counselorName << d.client.cadenceDays << '\n';
    for (const auto& s : d.sessions) {
        out << "s" << s.id << ' ' << s.number << ' ' << toIso(s.date) << ' ' << s.note.value_or("-") << ' '
            << (s.report ? s.report->intensity.value_or(0) : -1) << '\n';
        for (const auto* list : {&s.ratings, &s.voidedRatings})
            for (const auto& r : *list)
                out << " r" << r.id << formatItems(r.score.instrument, r.score.itemTenths) << slug(r.rater)
                    << r.revisions << (list == &s.voidedRatings ? "v" : "") << '\n';
    }
    for (const auto* list : {&d.ruptures, &d.voidedRuptures})
        for (const auto& r : *list) {
            out << "u" << r.id << ' ' << r.sessionNumber << slug(r.kind) << r.salience << r.revisions
                << r.category.value_or("-") << (list == &d.voidedRuptures ? "v" : "");
            for (const auto& m : r.markers)
                out << ' ' << m;
            out << '\n';
        }
    for (const auto& p : d.plans) {
        out << "p" << p.id << ' ' << p.ruptureId << slug(p.status) << p.followUpSessionNumber.value_or(0)
            << p.revisions;
        for (const auto& s : p.strategies)
            out << ' ' << s;
        for (const auto& s : p.steps)
            out << " |" << s.text;
        for (const auto& c : p.comments)
            out << " #" << c.author << c.text;
        out << '\n';
    }
    for (const auto& t : d.transitions) {
        out << "t" << t.id << t.referralAgency.value_or("-") << t.nextSteps.value_or("-");
        for (const auto& c : t.comments)
            out << " #" << c.author << c.text << c.signedOff;
        out << '\n';
    }
    return out.str();
}

} // namespace

TEST_CASE("clientDetails in one pass equals clientDetail of each client, for all and for one counselor")
{
    test::PinnedToday pinned(Date(2026, 11, 27));
    Store store(":memory:", OpenMode::CreateIfMissing);
    fillDemo(store, {24, 3, Date(2026, 11, 27)});
    // Corrections, a void rupture and a comment, so that every part is there to be grouped.
    const ClientDetail first = store.clientDetail("C-003");
    REQUIRE(!first.ruptures.empty());
    store.voidRupture(first.ruptures.front().id, "flagged on the wrong client");
    // A rating amended, one voided, a session logged late for a day before others (its row comes
    // after theirs), and a second rating on a session by another rater and instrument.
    const SessionRecord& second = first.sessions.at(1);
    const Rating& rated = second.ratings.front();
    std::vector<int> items = rated.score.itemTenths;
    const InstrumentSpec& instrument = spec(rated.score.instrument);
    items.front() =
        items.front() == instrument.itemMaxTenths ? instrument.itemMinTenths : instrument.itemMaxTenths;
    store.amendRating(rated.id, items, "typed the wrong row");
    store.voidRating(first.sessions.at(2).ratings.front().id, "rated the wrong client");
    NewRating late;
    late.clientCode = "C-003";
    late.date = second.date + boost::gregorian::days(2);
    late.instrument = Instrument::Bgt;
    late.itemTenths = {70, 80, 90};
    store.logRating(late);
    late.date = second.date;
    late.rater = Rater::Counselor;
    late.note = "a note: \"kept\"";
    store.logRating(late);
    store.recordPostSessionReport("C-003", second.date, {true, 4, 2});
    NewTransitionPlan transition;
    transition.clientCode = "C-003";
    transition.nextSteps = "refer";
    store.addTransitionComment(store.planTransition(transition), "Morgan Ellis", "agreed", std::nullopt,
                               true);

    const auto all = store.clientDetails();
    REQUIRE(all.size() == store.clients().size());
    for (const ClientDetail& d : all)
        CHECK(written(d) == written(store.clientDetail(d.client.code)));

    // Read for an analysis: the same but for each session's duration, note and report, and
    // every analysis of it the same as of the whole.
    std::size_t analysed = 0;
    const ParamsLookup params = rememberedParams(store);
    store.forEachClientDetail(
        std::nullopt,
        [&](ClientDetail& lean) {
            ClientDetail whole = store.clientDetail(lean.client.code);
            for (const SessionRecord& s : lean.sessions)
                CHECK((!s.note && !s.durationMinutes && !s.report));
            // The caseload's trajectory (total and flags only) of the lean read against the whole
            // trajectory of the whole record: the same flags and episodes.
            const auto flagsOf = [&](const TrajectoryReport& report) {
                std::string out;
                for (const Flag& f : report.flags)
                    out += f.kind + "/" + f.anchor + "/" + f.fingerprint + "/" + f.reason + ";";
                for (const Episode& e : report.total.episodes)
                    out += std::to_string(e.onset) + statusSlug(e.status) + ";";
                return out;
            };
            const TrajectoryReport leanReport = caseloadTrajectory(lean, Date(2026, 11, 27), params);
            const TrajectoryReport fullReport = defaultTrajectory(whole, Date(2026, 11, 27), params);
            CHECK(flagsOf(leanReport) == flagsOf(fullReport));
            CHECK(leanReport.points.size() == fullReport.points.size());
            CHECK(leanReport.dimensions.empty());
            for (SessionRecord& s : whole.sessions) {
                s.note.reset();
                s.durationMinutes.reset();
                s.report.reset();
            }
            CHECK(written(lean) == written(whole));
            ++analysed;
        },
        DetailDepth::ForAnalysis);
    CHECK(analysed == all.size());

    const auto own = store.clientDetails(std::string("Sam Okafor"));
    REQUIRE(!own.empty());
    for (const ClientDetail& d : own) {
        CHECK(d.client.counselorName == "Sam Okafor");
        CHECK(written(d) == written(store.clientDetail(d.client.code)));
    }
    CHECK_THROWS_AS(store.clientDetails(std::string("Nobody")), NotFound);
}

TEST_CASE("a caseload read in batches gives every client whole, across batch boundaries")
{
    test::PinnedToday pinned(Date(2026, 11, 27));
    Store store(":memory:", OpenMode::CreateIfMissing);
    fillDemo(store, {1100, 5, Date(2026, 11, 27)});
    std::size_t seen = 0;
    int beyondOneBatch = 0;
    for (const Counselor& counselor : store.counselors()) {
        beyondOneBatch += store.clients(counselor.name).size() > Store::detailBatchSize ? 1 : 0;
        std::string previous;
        store.forEachClientDetail(counselor.name, [&](ClientDetail& d) {
            CHECK(d.client.counselorName == counselor.name);
            CHECK(d.client.code > previous); // in code order, each once
            previous = d.client.code;
            CHECK(written(d) == written(store.clientDetail(d.client.code)));
            ++seen;
        });
    }
    CHECK(seen == store.clients().size());
    CHECK(beyondOneBatch >= 2); // Alex Rivera and Sam Okafor see more than a batch each
}
