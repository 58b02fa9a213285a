// Benchmark: a write through the app updates every model in a time that does not grow with the
// caseload. Logs ratings through SessionForm (every model updated when submit() returns: the
// change signals are direct) on a 100-client and a 1,000-client demo in the same run, with "All
// counselors" shown, and checks the ratio of the medians -- not a wall-clock number. Re-reading
// the whole caseload on every write, as the app once did, gives about 10; one client's rows, ~1.
// The same rating written by the bare core call (what the CLI does) is printed as the floor.
#include "AppContext.hpp"
#include "Demo.hpp"
#include "SessionForm.hpp"

#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace alliance::gui;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Timing {
    double appMs = 0;  // through the form, until every model has updated
    double coreMs = 0; // the bare core call
};

Timing timeWrites(int clients)
{
    StartupOptions options;
    options.demo = true;
    options.demoClients = clients;
    options.asOf = QDate(2026, 11, 27);
    options.signInAs = QStringLiteral("Alex Rivera"); // the counselor writes their own client's rating
    options.signInPassword = QString::fromLatin1(alliance::demoPassword);
    AppContext context(options);
    alliance::Store& store = *context.backend().store();
    // Two clients of their own, so every write is a new session whatever the demo holds.
    for (const char* code : {"W-APP", "W-CORE"})
        store.addClient({code, "Alex Rivera", std::nullopt, alliance::Date(2020, 1, 1), 7});
    context.client().setClientCode(QStringLiteral("W-APP")); // its page is open too
    std::vector<double> app;
    std::vector<double> core;
    QElapsedTimer timer;
    for (int k = 0; k < 9; ++k) {
        const QDate day = QDate(2020, 1, 6).addDays(7 * k);
        SessionForm form;
        form.reset(QStringLiteral("W-APP"), QStringLiteral("bgt"));
        form.setItemText(0, QStringLiteral("7,8,9"));
        form.setProperty("dateText", day.toString(Qt::ISODate));
        timer.start();
        const bool ok = form.submit();
        app.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (!ok) {
            std::fprintf(stderr, "write refused (%s): %s\n", qPrintable(form.firstErrorField()),
                         qPrintable(form.message()));
            std::exit(1);
        }
        alliance::NewRating rating;
        rating.clientCode = "W-CORE";
        rating.date = alliance::Date(2020, 1, 6) + boost::gregorian::days(7 * k);
        rating.instrument = alliance::Instrument::Bgt;
        rating.itemTenths = {70, 80, 90};
        timer.start();
        store.logRating(rating);
        core.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return {median(app), median(core)};
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const Timing small = timeWrites(100);
    const Timing large = timeWrites(1000);
    const double ratio = large.appMs / small.appMs;
    std::printf("one rating logged through the app, every model updated: %.2f ms at 100 clients, %.2f ms at "
                "1,000 (ratio %.1f; re-reading the caseload gives ~10)\n",
                small.appMs, large.appMs, ratio);
    std::printf("the same write by the bare core call: %.2f ms at 100 clients, %.2f ms at 1,000\n",
                small.coreMs, large.coreMs);
    const bool flat = ratio < 3.0;
    std::printf("%d passed, %d failed\n", flat ? 1 : 0, flat ? 0 : 1);
    return flat ? 0 : 1;
}
