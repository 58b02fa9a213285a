// The form objects: their state lives in C++ and is tested here. Each field's error is worded with
// the field's label, never a CLI flag; a rejected submit changes nothing; saved / failed fire.
#include "AcknowledgeForm.hpp"
#include "AppContext.hpp"
#include "AuditModel.hpp"
#include "ClientForm.hpp"
#include "CorrectionForm.hpp"
#include "CounselorForm.hpp"
#include "Demo.hpp"
#include "ExchangeForm.hpp"
#include "HandOverForm.hpp"
#include "RepairPlanForm.hpp"
#include "ReportForm.hpp"
#include "ReviewJson.hpp"
#include "RuptureForm.hpp"
#include "SessionForm.hpp"
#include "TestSupport.hpp"
#include "TransitionForm.hpp"
#include "security/Accounts.hpp"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace alliance::gui;

namespace {
// Signed in as the demo's Alex Rivera (a counselor; C-001 is his), or `user`.
StartupOptions demoOptions(const QString& user = QStringLiteral("Alex Rivera"))
{
    StartupOptions options;
    options.demo = true;
    options.demoClients = 8;
    options.asOf = QDate(2026, 11, 27);
    options.signInAs = user;
    options.signInPassword = QString::fromLatin1(alliance::demoPassword);
    return options;
}

// No CLI syntax in anything a person reads.
// Flags a withdrawal at C-001's first session through the form; its id (0 when it failed).
int flagBlankRupture()
{
    RuptureForm rupture;
    rupture.reset(QStringLiteral("C-001"), 1);
    QSignalSpy flagged(&rupture, &RuptureForm::saved);
    return rupture.submit() ? flagged.at(0).at(0).toInt() : 0;
}

// What the caseload and the alerts show, row by row, to compare an updated model with a re-read one.
QStringList shown(const QAbstractItemModel& model, const QList<int>& roles)
{
    QStringList rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int role : roles)
            cells << model.index(r, 0).data(role).toString() +
                         model.index(r, 0).data(role).toStringList().join(',');
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

// Logs the lowest answers of `instrument` for `code` on `date` through the form (a breach for a
// client rated high before); false when it was refused.
bool logLowRating(const QString& code, const QString& instrument, const QDate& date)
{
    SessionForm form;
    form.reset(code, instrument);
    const QString lowest = instrument == QLatin1String("wai-sr") ? QStringLiteral("1") : QStringLiteral("0");
    QStringList items;
    for (int i = 0; i < form.itemCount(); ++i)
        items << lowest;
    form.setItemText(0, items.join(QLatin1Char(',')));
    form.setProperty("dateText", date.toString(Qt::ISODate));
    const bool ok = form.submit();
    if (!ok)
        qWarning("logLowRating %s: %s %s", qPrintable(code), qPrintable(form.message()),
                 qPrintable(form.firstErrorField()));
    return ok;
}

bool readsWell(const QString& text)
{
    // No CLI option, no CLI argument name and no core field id ("cadence_days") in a person's view.
    return !text.contains(QLatin1String("--")) && !text.contains(QLatin1String("CODE")) &&
           !text.contains(QLatin1String("NAME")) && !text.contains(QLatin1Char('_'));
}
} // namespace

class FormsTest : public QObject {
    Q_OBJECT

private slots:
    // The Team page shows core's review exactly (the same JSON as `alliance caseload --json`), and
    // a write through the app is in it at once.
    void theTeamReviewIsCoresAndFollowsWrites()
    {
        AppContext context(demoOptions(QStringLiteral("Robin Admin"))); // everyone's figures: an admin
        alliance::Store& store = *context.backend().store();
        TeamModel& team = context.team();
        team.setSupervisor(QString()); // everyone
        team.setActive(true);
        const auto coreReview = [&] {
            const auto review =
                alliance::reviewCaseload(store, {alliance::ReviewScope::Kind::Everyone, ""},
                                         alliance::reviewPeriod(alliance::Date(2026, 11, 27)));
            return QJsonDocument::fromJson(
                       QByteArray::fromStdString(alliance::caseloadReviewJson(review).dump()))
                .object()
                .toVariantMap();
        };
        QCOMPARE(team.review(), coreReview());
        const int sessions =
            team.review().value(QStringLiteral("team")).toMap().value(QStringLiteral("sessions")).toInt();
        QVERIFY(sessions > 0);
        // A low rating on a day C-002 had no session (written by its counselor elsewhere, as the
        // CLI does): one session more, the same as core's.
        alliance::NewRating low;
        low.clientCode = "C-002";
        low.date = alliance::Date(2026, 11, 26);
        low.instrument = alliance::Instrument::WaiSr;
        low.itemTenths.assign(12, 10);
        store.logRating(low);
        context.backend().notifyClientChanged(QStringLiteral("C-002"));
        QCOMPARE(
            team.review().value(QStringLiteral("team")).toMap().value(QStringLiteral("sessions")).toInt(),
            sessions + 1);
        QCOMPARE(team.review(), coreReview());
        // The drill-down lists the clients behind a figure, as core's does.
        const QVariantList active = team.clientsBehind(QString(), QStringLiteral("active_clients"));
        QCOMPARE(active.size(), 8);
        QCOMPARE(active.at(0).toMap().value(QStringLiteral("code")).toString(), QStringLiteral("C-001"));
    }

    void addsAClient()
    {
        AppContext context(demoOptions());
        ClientForm form;
        QSignalSpy saved(&form, &ClientForm::saved);
        QSignalSpy failed(&form, &ClientForm::failed);
        const int before = context.caseload().totalCount();
        form.reset(QStringLiteral("Alex Rivera"));
        QVERIFY(!form.editing());
        QCOMPARE(form.property("counselor").toString(), QStringLiteral("Alex Rivera"));
        QCOMPARE(form.property("startDate").toDate(), QDate(2026, 11, 27));
        form.setProperty("code", QStringLiteral("  C-900 "));
        form.setProperty("displayName", QStringLiteral("Zoë O'Brien"));
        form.setProperty("startDate", QDate(2026, 11, 1));
        form.setProperty("cadenceDays", 14);
        QVERIFY(form.submit());
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(0).toString(), QStringLiteral("C-900"));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(context.caseload().totalCount(), before + 1);
        const auto detail = context.backend().store()->clientDetail("C-900");
        QCOMPARE(detail.client.cadenceDays, 14);
        QCOMPARE(detail.client.counselorName, std::string("Alex Rivera"));
        // A counselor adds no client to a colleague's caseload: refused, nothing stored.
        ClientForm other;
        other.reset(QStringLiteral("Sam Okafor"));
        other.setProperty("code", QStringLiteral("C-901"));
        QVERIFY(!other.submit());
        QCOMPARE(other.message(),
                 QStringLiteral("You add clients to your own caseload; an admin adds them for others."));
        QVERIFY_THROWS_EXCEPTION(alliance::NotFound, context.backend().store()->clientDetail("C-901"));
        QCOMPARE(*detail.client.displayName, std::string("Zoë O'Brien"));
    }

    void rejectsBadInputOnTheFieldAtFault_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QDate>("start");
        QTest::addColumn<int>("cadence");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words"); // the app's own wording of the core's reason
        QTest::addRow("empty code") << QString(" ") << QDate(2026, 11, 1) << 7 << "code"
                                    << "enter the client's code";
        QTest::addRow("a code like another") << QString("c-001") << QDate(2026, 11, 1) << 7 << "code"
                                             << "already on record";
        QTest::addRow("zero-width space")
            << QString::fromUtf8("C-\u200b901") << QDate(2026, 11, 1) << 7 << "code"
            << "cannot be stored";
        QTest::addRow("full-width letter")
            << QString::fromUtf8("\uff23-901") << QDate(2026, 11, 1) << 7 << "code"
            << "cannot be stored";
        QTest::addRow("cadence 0") << QString("C-901") << QDate(2026, 11, 1) << 0 << "cadenceDays"
                                   << "enter a value from 1 to 365";
        QTest::addRow("start in the future")
            << QString("C-901") << QDate::currentDate().addDays(30) << 7 << "startDate"
            << "is in the future";
        QTest::addRow("start before 1900") << QString("C-901") << QDate(1850, 1, 1) << 7 << "startDate"
                                           << "enter a date from 1900-01-01 to 9999-12-31";
    }

    void rejectsBadInputOnTheFieldAtFault()
    {
        QFETCH(QString, code);
        QFETCH(QDate, start);
        QFETCH(int, cadence);
        QFETCH(QString, field);
        QFETCH(QString, words);
        AppContext context(demoOptions());
        ClientForm form;
        QSignalSpy saved(&form, &ClientForm::saved);
        QSignalSpy failed(&form, &ClientForm::failed);
        const int before = context.caseload().totalCount();
        form.setProperty("code", code);
        form.setProperty("startDate", start);
        form.setProperty("cadenceDays", cadence);
        QVERIFY(!form.submit());
        QCOMPARE(saved.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), field);
        QCOMPARE(form.firstErrorField(), field);
        const QString message =
            form.property((field + QStringLiteral("Error")).toUtf8().constData()).toString();
        QVERIFY2(!message.isEmpty(), qPrintable(field));
        QVERIFY2(readsWell(message), qPrintable(message));
        QVERIFY2(message.contains(words), qPrintable(message));
        QVERIFY2(readsWell(failed.at(0).at(1).toString()), qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(context.caseload().totalCount(), before);
        // Fixing the input clears the message.
        form.setProperty("code", QStringLiteral("C-902"));
        form.setProperty("startDate", QDate(2026, 11, 1));
        form.setProperty("cadenceDays", 7);
        QVERIFY(form.submit());
        QVERIFY(form.property((field + QStringLiteral("Error")).toUtf8().constData()).toString().isEmpty());
    }

    void editsAClient()
    {
        AppContext context(demoOptions());
        ClientForm form;
        QVERIFY(!form.load(QStringLiteral("C-404")));
        QVERIFY(form.load(QStringLiteral("c-001")));
        QVERIFY(form.editing());
        QCOMPARE(form.property("code").toString(), QStringLiteral("C-001"));
        form.setProperty("status", QStringLiteral("closed"));
        form.setProperty("cadenceDays", 21);
        form.setProperty("code", QStringLiteral("C-999")); // the code is fixed once set
        QVERIFY(form.submit());
        auto client = context.backend().store()->clientDetail("C-001").client;
        QVERIFY(client.status == alliance::ClientStatus::Closed);
        QCOMPARE(client.cadenceDays, 21);
        // Only an admin moves a client to another counselor; the name stays as it was.
        QVERIFY(form.load(QStringLiteral("C-001")));
        form.setProperty("counselor", QStringLiteral("Jordan Lee"));
        QVERIFY(!form.submit());
        QCOMPARE(context.backend().store()->clientDetail("C-001").client.counselorName,
                 std::string("Alex Rivera"));
        context.backend().signOut();
        QVERIFY(context.backend()
                    .signIn(QStringLiteral("Robin Admin"), QString::fromLatin1(alliance::demoPassword))
                    .isEmpty());
        QVERIFY(form.load(QStringLiteral("C-001")));
        QVERIFY(form.property("displayName").toString().isEmpty()); // an admin reads no name
        form.setProperty("counselor", QStringLiteral("Jordan Lee"));
        QVERIFY2(form.submit(), qPrintable(form.message()));
        const auto moved = context.backend().store()->clientDetail("C-001").client;
        QCOMPARE(moved.counselorName, std::string("Jordan Lee"));
        QCOMPARE(moved.displayName, client.displayName);
        QCOMPARE(form.statusChoices().size(), 3);
        for (const QVariant& choice : form.statusChoices())
            QVERIFY(!choice.toMap().value(QStringLiteral("label")).toString().isEmpty());
    }

    void addsAColleague()
    {
        AppContext context(demoOptions(QStringLiteral("Robin Admin"))); // accounts are an admin's
        CounselorForm form;
        QSignalSpy saved(&form, &CounselorForm::saved);
        const int before = context.backend().counselorNames().size();
        form.setProperty("name", QStringLiteral(" Kim Park "));
        form.setProperty("role", QStringLiteral("supervisor"));
        form.setProperty("password", QStringLiteral("kim's first one"));
        form.setProperty("confirmPassword", QStringLiteral("kim's first one"));
        QVERIFY(form.submit());
        QVERIFY(alliance::security::account(*context.backend().store(), "Kim Park").id > 0);
        QCOMPARE(saved.at(0).at(0).toString(), QStringLiteral("Kim Park"));
        QCOMPARE(context.backend().counselorNames().size(), before + 1);
        const QVariantList supervisors = form.supervisorChoices();
        QVERIFY(std::any_of(supervisors.begin(), supervisors.end(), [](const QVariant& c) {
            return c.toMap().value(QStringLiteral("value")).toString() == QStringLiteral("Kim Park");
        }));

        form.reset();
        form.setProperty("name", QStringLiteral("KIM PARK"));
        form.setProperty("password", QStringLiteral("another first one"));
        form.setProperty("confirmPassword", QStringLiteral("another first one"));
        QVERIFY(!form.submit());
        QVERIFY(!form.nameError().isEmpty());
        QVERIFY2(readsWell(form.nameError()), qPrintable(form.nameError()));
        form.setProperty("name", QStringLiteral("Lee Chan"));
        form.setProperty("supervisor", QStringLiteral("Kim Park"));
        QVERIFY(form.submit());
        const auto lee = context.backend().store()->counselor("Lee Chan");
        QCOMPARE(*lee.supervisorName, std::string("Kim Park"));
        QCOMPARE(form.roleChoices().size(), 3);

        // A supervisor who is not on record: said on the supervisor field, in plain words.
        form.reset();
        form.setProperty("name", QStringLiteral("Ann Ode"));
        form.setProperty("supervisor", QStringLiteral("Nobody Here"));
        form.setProperty("password", QStringLiteral("ann's first one"));
        form.setProperty("confirmPassword", QStringLiteral("ann's first one"));
        QVERIFY(!form.submit());
        QVERIFY(!form.supervisorError().isEmpty());
        QVERIFY2(readsWell(form.supervisorError()), qPrintable(form.supervisorError()));
    }

    void correctsARatingWithAReasonAndKeepsItsHistory()
    {
        AppContext context(demoOptions());
        alliance::Store& store = *context.backend().store();
        const auto first = store.clientDetail("C-001").sessions.at(0);
        const alliance::Rating original = first.ratings.at(0);
        const QString instrument = QString::fromStdString(alliance::spec(original.score.instrument).slug);
        CorrectionForm form;
        QSignalSpy saved(&form, &CorrectionForm::saved);
        QVERIFY(!form.load(QStringLiteral("C-001"), 999, instrument, QStringLiteral("client")));
        QVERIFY(form.load(QStringLiteral("c-001"), 1, instrument,
                          QString::fromStdString(alliance::slug(original.rater))));
        QCOMPARE(form.itemTenths().size(), static_cast<int>(original.score.itemTenths.size()));
        QCOMPARE(form.itemLabels().size(), form.itemTenths().size());
        QVERIFY(form.history().isEmpty());

        // No reason: refused on the reason field; nothing changes.
        const int changed =
            form.itemTenths().at(0) == form.itemMinTenths() ? form.itemMaxTenths() : form.itemMinTenths();
        form.setItem(0, changed);
        QVERIFY(!form.amend());
        QVERIFY(!form.reasonError().isEmpty());
        QVERIFY2(readsWell(form.reasonError()), qPrintable(form.reasonError()));
        QCOMPARE(store.storedRating(original.id).rating.score.totalTenths, original.score.totalTenths);

        form.setProperty("reason", QStringLiteral("typed the wrong row"));
        QVERIFY(form.amend());
        QCOMPARE(saved.count(), 1);
        QCOMPARE(store.storedRating(original.id).rating.score.itemTenths.at(0), changed);
        QCOMPARE(form.history().size(), 1);
        QCOMPARE(form.history().at(0).toMap().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("typed the wrong row"));
        QVERIFY(form.property("reason").toString().isEmpty()); // a new correction needs its own reason

        form.setProperty("reason", QStringLiteral("rated the wrong client"));
        QVERIFY(form.voidRating());
        QVERIFY(form.voided());
        QCOMPARE(form.history().size(), 2);
        const auto session = store.clientDetail("C-001").sessions.at(0);
        QVERIFY(std::none_of(session.ratings.begin(), session.ratings.end(),
                             [&](const alliance::Rating& r) { return r.id == original.id; }));
        QCOMPARE(session.voidedRatings.size(), std::size_t{1});
    }

    void handOverNeedsEveryAnswerAndCatchesADuplicateFirst()
    {
        AppContext context(demoOptions(QStringLiteral("Sam Okafor"))); // C-002's counselor
        context.backend().setAsOf(QDate(2026, 11, 26));
        HandOverForm form;
        form.setProperty("clientCode", QStringLiteral("C-002"));
        QCOMPARE(form.instrumentChoices().size(), 3); // any instrument, labelled
        form.setInstrument(QStringLiteral("wai-sr"));
        QCOMPARE(form.itemCount(), 12);
        QVERIFY(form.prepare());
        QCOMPARE(form.answeredCount(), 0);
        QVERIFY(!form.confirm()); // nothing answered: nothing stored
        for (int i = 0; i < 11; ++i)
            form.setItem(i, 40);
        QVERIFY(!form.complete());
        QVERIFY(!form.confirm());
        form.setItem(11, 99); // out of range is held to the scale
        QCOMPARE(form.itemTenths().at(11), 50);
        form.startOver();
        QCOMPARE(form.answeredCount(), 0);
        for (int i = 0; i < 12; ++i)
            form.setItem(i, 40);
        QVERIFY(form.confirm());
        QVERIFY(form.confirmed());
        form.setItem(0, 10); // a confirmed rating is not changed from this screen
        QCOMPARE(form.itemTenths().at(0), 40);

        HandOverForm again;
        again.setProperty("clientCode", QStringLiteral("C-002"));
        again.setInstrument(QStringLiteral("wai-sr"));
        QVERIFY(!again.prepare());
        QVERIFY(!again.instrumentError().isEmpty());
        QVERIFY2(readsWell(again.instrumentError()), qPrintable(again.instrumentError()));
        again.setInstrument(QStringLiteral("bgt"));
        QVERIFY(again.prepare()); // another questionnaire the same day is fine
    }

    void logsASessionWithItsReportAsNumbers()
    {
        AppContext context(demoOptions());
        alliance::Store& store = *context.backend().store();
        SessionForm form;
        QSignalSpy saved(&form, &SessionForm::saved);
        form.reset(QStringLiteral("C-001"), QStringLiteral("wai-sr"));
        QCOMPARE(form.property("dateText").toString(), QStringLiteral("2026-11-27"));
        QCOMPARE(form.itemCount(), 12);
        QVERIFY(!form.complete());
        // "4,3,5,..." in the first field fills every item, as numbers.
        form.setItemText(0, QStringLiteral("4,3,5,4,5,3,4,4,5,3,4,3"));
        QVERIFY(form.complete());
        QCOMPARE(form.itemTenths().constFirst(), 40);
        QCOMPARE(form.itemTenths().constLast(), 30);
        QVERIFY(form.scoreText().startsWith(QStringLiteral("Total 47")));
        form.setItemText(2, QStringLiteral("6")); // out of range: shown on the item, not stored
        QVERIFY(!form.complete());
        QVERIFY(!form.itemProblems().at(2).isEmpty());
        QVERIFY(readsWell(form.itemProblems().at(2)));
        const std::string before = alliance::test::dumpAll(store);
        QVERIFY(!form.submit());
        QCOMPARE(form.firstErrorField(), QStringLiteral("items"));
        QCOMPARE(alliance::test::dumpAll(store), before);
        form.setItemText(2, QStringLiteral("5"));
        QDate free(2026, 11, 27); // the latest day without a session of this client
        const auto known = store.clientDetail("C-001").sessions;
        while (std::any_of(known.begin(), known.end(), [&](const auto& k) {
            return alliance::toIso(k.date) == free.toString(Qt::ISODate).toStdString();
        }))
            free = free.addDays(-1);
        form.setProperty("dateText", free.toString(Qt::ISODate));
        form.setProperty("reportGiven", true);
        form.setProperty("tension", true);
        form.setProperty("intensity", 4);
        form.setProperty("resolution", 2);
        form.setProperty("note", QStringLiteral("We talked about the \"homework\" again.\nShe laughed."));
        QVERIFY2(form.submit(), qPrintable(form.message()));
        QCOMPARE(saved.count(), 1);
        const auto detail = store.clientDetail("C-001");
        const auto logged = std::find_if(detail.sessions.begin(), detail.sessions.end(), [&](const auto& k) {
            return k.number == saved.at(0).at(0).toInt();
        });
        QVERIFY(logged != detail.sessions.end());
        const alliance::SessionRecord& session = *logged;
        QCOMPARE(alliance::toIso(session.date), free.toString(Qt::ISODate).toStdString());
        QCOMPARE(session.ratings.front().score.totalTenths, 470);
        QVERIFY(session.report.has_value());
        QCOMPARE(session.report->intensity.value_or(0), 4);
        QCOMPARE(session.report->resolution.value_or(0), 2);
        // The form is ready for the next session: empty items, same instrument.
        QVERIFY(!form.complete());
        QCOMPARE(form.instrument(), QStringLiteral("wai-sr"));
    }

    void aRejectedSessionStoresNeitherRatingNorReport()
    {
        AppContext context(demoOptions());
        alliance::Store& store = *context.backend().store();
        SessionForm form;
        QSignalSpy failed(&form, &SessionForm::failed);
        form.reset(QStringLiteral("C-001"), QStringLiteral("bgt"));
        form.setProperty("rater", QStringLiteral("observer")); // the demo has no observer ratings
        form.setItemText(0, QStringLiteral("5,5,5"));
        form.setProperty("dateText", QStringLiteral("2026-02-30"));
        const std::string before = alliance::test::dumpAll(store);
        QVERIFY(!form.submit());
        QCOMPARE(form.firstErrorField(), QStringLiteral("date"));
        // A report out of range is refused by the core: the rating logged before it is undone too.
        form.setProperty("dateText", QStringLiteral("2026-11-26"));
        form.setProperty("reportGiven", true);
        form.setProperty("tension", true);
        form.setProperty("intensity", 9);
        QVERIFY(!form.submit());
        QVERIFY(!form.property("reportError").toString().isEmpty());
        QCOMPARE(alliance::test::dumpAll(store), before);
        for (const QVariant& f : failed)
            QVERIFY2(readsWell(f.toList().at(1).toString()), qPrintable(f.toList().at(1).toString()));
        // A duplicate rating is named on the rater, in words.
        form.setProperty("reportGiven", false);
        form.setProperty("dateText", QStringLiteral("2026-11-26"));
        QVERIFY(form.submit());
        form.setProperty("rater", QStringLiteral("observer"));
        form.setItemText(0, QStringLiteral("6,6,6"));
        form.setProperty("dateText", QStringLiteral("2026-11-26"));
        QVERIFY(!form.submit());
        QCOMPARE(form.firstErrorField(), QStringLiteral("rater"));
        QVERIFY(readsWell(form.property("raterError").toString()));
        QVERIFY(!form.property("raterError").toString().contains(QLatin1String("bgt")));
    }

    void theBelowCutoffPreviewUsesTheStoredCutoff()
    {
        AppContext context(demoOptions());
        SessionForm form;
        form.reset(QStringLiteral("C-001"), QStringLiteral("srs"));
        form.setItemText(0, QStringLiteral("9.2,8.7,9.0,9.1")); // exactly 36.0, the SRS cutoff
        QVERIFY(form.complete());
        QVERIFY(!form.belowCutoff()); // "<" by default
        alliance::sql::Statement update(context.backend().store()->connection(),
                                        "UPDATE analysis_param SET comparator = '<=' "
                                        "WHERE instrument = 'srs' AND dimension = 'total'");
        update.run();
        QVERIFY(form.belowCutoff());
        QVERIFY(form.scoreText().contains(QStringLiteral("below the cutoff")));
    }

    void flagsARuptureWithItsKindsMarkers()
    {
        AppContext context(demoOptions());
        alliance::Store& store = *context.backend().store();
        RuptureForm form;
        QSignalSpy saved(&form, &RuptureForm::saved);
        form.reset(QStringLiteral("C-001"), 2, QStringLiteral("client-score"));
        QCOMPARE(form.property("noticedBy").toString(), QStringLiteral("client-score"));
        const QVariantList withdrawal = form.markerChoices();
        QVERIFY(!withdrawal.isEmpty());
        form.setMarker(withdrawal.at(0).toMap().value(QStringLiteral("value")).toString(), true);
        form.setKind(QStringLiteral("confrontation")); // a kind's markers do not carry over
        QVERIFY(form.markers().isEmpty());
        QVERIFY(form.markerChoices() != withdrawal);
        for (const QVariant& choice : form.kindChoices() + form.noticedByChoices() + form.markerChoices()) {
            const QVariantMap map = choice.toMap(); // a label, never the slug it stands for
            QVERIFY(!map.value(QStringLiteral("label")).toString().isEmpty());
            QVERIFY(map.value(QStringLiteral("label")) != map.value(QStringLiteral("value")));
        }
        const QString marker = form.markerChoices().at(0).toMap().value(QStringLiteral("value")).toString();
        form.setMarker(marker, true);
        form.setProperty("salience", 9);
        const std::string before = alliance::test::dumpAll(store);
        QVERIFY(!form.submit());
        QCOMPARE(form.firstErrorField(), QStringLiteral("salience"));
        QVERIFY(readsWell(form.property("salienceError").toString()));
        QCOMPARE(alliance::test::dumpAll(store), before);
        form.setProperty("salience", 4);
        form.setProperty("note", QStringLiteral("Said I 'never listen'"));
        QVERIFY(form.submit());
        QCOMPARE(saved.count(), 1);
        const auto ruptures = store.clientDetail("C-001").ruptures;
        const auto stored = std::find_if(ruptures.begin(), ruptures.end(),
                                         [&](const auto& r) { return r.id == saved.at(0).at(0).toInt(); });
        QVERIFY(stored != ruptures.end());
        QVERIFY(stored->kind == alliance::RuptureKind::Confrontation);
        QVERIFY(stored->noticedBy == alliance::NoticedBy::ClientScore);
        QCOMPARE(stored->markers, std::vector<std::string>{marker.toStdString()});
        QCOMPARE(stored->sessionNumber, 2);
    }

    void plansAndClosesARepair()
    {
        AppContext context(demoOptions());
        alliance::Store& store = *context.backend().store();
        const int ruptureId = flagBlankRupture();
        QVERIFY(ruptureId > 0);
        RepairPlanForm form;
        QSignalSpy saved(&form, &RepairPlanForm::saved);
        form.reset(ruptureId);
        const std::string before = alliance::test::dumpAll(store);
        QVERIFY(!form.submit()); // no strategy
        QCOMPARE(form.firstErrorField(), QStringLiteral("strategies"));
        form.setStrategy(form.strategyChoices().at(0).toMap().value(QStringLiteral("value")).toString(),
                         true);
        form.setProperty("dueText", QStringLiteral("next week"));
        QVERIFY(!form.submit());
        QCOMPARE(form.firstErrorField(), QStringLiteral("due"));
        QCOMPARE(alliance::test::dumpAll(store), before);
        form.setProperty("dueText", QStringLiteral("2026-12-04"));
        form.setProperty("stepsText", QStringLiteral("Ask what felt unhelpful\n\n  Agree one change  "));
        QVERIFY(form.submit());
        QCOMPARE(saved.count(), 1);
        const int planId = saved.at(0).at(0).toInt();
        auto plans = store.clientDetail("C-001").plans;
        QCOMPARE(plans.back().id, planId);
        QCOMPARE(plans.back().steps.size(), std::size_t(2));
        QCOMPARE(plans.back().steps[1].text, std::string("Agree one change"));
        form.follow(ruptureId, planId, 1);
        QCOMPARE(form.property("outcome").toString(), QStringLiteral("resolved"));
        form.setProperty("outcome", QStringLiteral("partly"));
        QVERIFY(form.closePlan());
        plans = store.clientDetail("C-001").plans;
        QVERIFY(plans.back().status == alliance::PlanStatus::Closed);
        QVERIFY(plans.back().outcome == alliance::Outcome::Partly);
        QVERIFY(!form.closePlan()); // once
        QVERIFY(readsWell(form.message()));
    }

    void correctsARuptureWithAReasonThenVoidsIt()
    {
        AppContext context(demoOptions());
        alliance::Store& store = *context.backend().store();
        RuptureForm form;
        form.reset(QStringLiteral("C-001"), 2);
        form.setProperty("note", QStringLiteral("went quiet"));
        QSignalSpy saved(&form, &RuptureForm::saved);
        QVERIFY(form.submit());
        const int id = saved.at(0).at(0).toInt();

        QVERIFY(!form.load(QStringLiteral("C-001"), 2, 999999)); // no such rupture
        QVERIFY(!form.amending());
        QVERIFY(form.load(QStringLiteral("C-001"), 2, id));
        QVERIFY(form.amending());
        QCOMPARE(form.property("note").toString(), QStringLiteral("went quiet")); // opens on the record
        QCOMPARE(form.kind(), QStringLiteral("withdrawal"));
        form.setKind(QStringLiteral("confrontation"));
        form.setMarker(form.markerChoices().at(0).toMap().value(QStringLiteral("value")).toString(), true);
        form.setProperty("salience", 5);
        const std::string before = alliance::test::dumpAll(store);
        QVERIFY(!form.submit()); // a correction needs a reason
        QCOMPARE(form.firstErrorField(), QStringLiteral("reason"));
        QVERIFY(readsWell(form.property("reasonError").toString()));
        QCOMPARE(alliance::test::dumpAll(store), before);

        form.setProperty("reason", QStringLiteral("it was a complaint, not silence"));
        QVERIFY(form.submit());
        QCOMPARE(saved.count(), 2);
        QCOMPARE(saved.at(1).at(0).toInt(), id);
        const auto ruptures = store.clientDetail("C-001").ruptures;
        const auto stored =
            std::find_if(ruptures.begin(), ruptures.end(), [&](const auto& r) { return r.id == id; });
        QVERIFY(stored != ruptures.end());
        QVERIFY(stored->kind == alliance::RuptureKind::Confrontation);
        QCOMPARE(stored->salience, 5);
        QCOMPARE(stored->revisions, 1);

        QVERIFY(form.load(QStringLiteral("C-001"), 2, id));
        QCOMPARE(form.history().size(), 1); // the replaced version, worded
        const QVariantMap was = form.history().at(0).toMap();
        QCOMPARE(was.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("it was a complaint, not silence"));
        QVERIFY(was.value(QStringLiteral("summary")).toString().contains(QStringLiteral("Withdrawal")));
        QVERIFY(readsWell(was.value(QStringLiteral("summary")).toString()));
        QVERIFY(form.property("reason").toString().isEmpty()); // each correction needs its own reason
        QSignalSpy voided(&form, &RuptureForm::voidedRupture);
        QVERIFY(!form.voidRupture());
        QCOMPARE(form.firstErrorField(), QStringLiteral("reason"));
        form.setProperty("reason", QStringLiteral("flagged on the wrong client"));
        QVERIFY(form.voidRupture());
        QCOMPARE(voided.count(), 1);
        const auto detail = store.clientDetail("C-001");
        QVERIFY(std::none_of(detail.ruptures.begin(), detail.ruptures.end(),
                             [&](const auto& r) { return r.id == id; }));
        QVERIFY(std::any_of(detail.voidedRuptures.begin(), detail.voidedRuptures.end(),
                            [&](const auto& r) { return r.id == id; }));
    }

    void correctsARepairPlanAndItsOutcomeOnceClosed()
    {
        AppContext context(demoOptions());
        alliance::Store& store = *context.backend().store();
        const int ruptureId = flagBlankRupture();
        QVERIFY(ruptureId > 0);
        RepairPlanForm form;
        QSignalSpy saved(&form, &RepairPlanForm::saved);
        form.reset(ruptureId);
        const QString first = form.strategyChoices().at(0).toMap().value(QStringLiteral("value")).toString();
        const QString second = form.strategyChoices().at(1).toMap().value(QStringLiteral("value")).toString();
        form.setStrategy(first, true);
        form.setProperty("stepsText", QStringLiteral("Name the silence"));
        QVERIFY(form.submit());
        const int planId = saved.at(0).at(0).toInt();

        QVERIFY(form.amend(ruptureId, planId));
        QVERIFY(form.amending());
        QVERIFY(!form.planClosed());
        QCOMPARE(form.strategies(), QStringList{first}); // opens on the record
        QCOMPARE(form.property("stepsText").toString(), QStringLiteral("Name the silence"));
        form.setStrategy(first, false);
        form.setStrategy(second, true);
        form.setProperty("stepsText", QStringLiteral("Own the missed call\nAgree a check-in"));
        const std::string before = alliance::test::dumpAll(store);
        QVERIFY(!form.submit());
        QCOMPARE(form.firstErrorField(), QStringLiteral("reason"));
        QCOMPARE(alliance::test::dumpAll(store), before);
        form.setProperty("reason", QStringLiteral("supervision suggested another way"));
        QVERIFY(form.submit());
        auto plans = store.clientDetail("C-001").plans;
        QCOMPARE(plans.back().id, planId); // corrected, not a second plan
        QCOMPARE(plans.back().strategies, std::vector<std::string>{second.toStdString()});
        QCOMPARE(plans.back().steps.size(), std::size_t(2));
        QCOMPARE(plans.back().revisions, 1);

        form.follow(ruptureId, planId, 1);
        QVERIFY(form.closePlan());
        QVERIFY(form.amend(ruptureId, planId));
        QVERIFY(form.planClosed());
        QCOMPARE(form.history().size(), 1);
        QCOMPARE(form.property("outcome").toString(), QStringLiteral("resolved"));
        form.setProperty("outcome", QStringLiteral("unresolved"));
        form.setProperty("reason", QStringLiteral("the client said it did not help"));
        QVERIFY(form.submit());
        plans = store.clientDetail("C-001").plans;
        QVERIFY(plans.back().outcome == alliance::Outcome::Unresolved);
        QVERIFY(plans.back().status == alliance::PlanStatus::Closed);
    }

    void aWriteUpdatesOnlyItsClientsRowsAndMatchesAFullReread()
    {
        AppContext context(demoOptions());
        CaseloadModel& caseload = context.caseload();
        AlertsModel& alerts = context.alerts();
        QAbstractItemModelTester caseloadTester(&caseload,
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester alertsTester(&alerts,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<int> caseloadRoles{CaseloadModel::CodeRole,         CaseloadModel::ChipsRole,
                                       CaseloadModel::LatestScoreRole,  CaseloadModel::AttentionRole,
                                       CaseloadModel::SessionCountRole, CaseloadModel::CounselorRole};
        const QList<int> alertRoles{AlertsModel::AlertIdRole, AlertsModel::ReasonRole};
        QSignalSpy caseloadResets(&caseload, &QAbstractItemModel::modelReset);
        QSignalSpy alertResets(&alerts, &QAbstractItemModel::modelReset);
        const auto sameAsAFullReread = [&] {
            const QStringList updatedCaseload = shown(caseload, caseloadRoles);
            const QStringList updatedAlerts = shown(alerts, alertRoles);
            QCOMPARE(caseloadResets.count(), 0); // updated in place, never reset
            QCOMPARE(alertResets.count(), 0);
            caseload.refresh();
            alerts.refresh();
            QCOMPARE(updatedCaseload, shown(caseload, caseloadRoles));
            QCOMPARE(updatedAlerts, shown(alerts, alertRoles));
            caseloadResets.clear();
            alertResets.clear();
        };

        // A low rating for the client that needs attention least: its row moves up the caseload
        // and its new alerts join the worklist.
        const QString calm =
            caseload.index(caseload.rowCount() - 1, 0).data(CaseloadModel::CodeRole).toString();
        const int alertsBefore = alerts.rowCount();
        context.client().setClientCode(calm); // its default series: the instrument rated most
        QDate day(2026, 11, 27);              // the latest day without a session of this client
        const auto calmSessions = context.backend().store()->clientDetail(calm.toStdString()).sessions;
        while (std::any_of(calmSessions.begin(), calmSessions.end(), [&](const auto& session) {
            return session.date == alliance::Date(day.year(), day.month(), day.day());
        }))
            day = day.addDays(-1);
        QVERIFY(logLowRating(calm, context.client().instrument(), day));
        QVERIFY(alerts.rowCount() > alertsBefore);
        QVERIFY(caseload.index(caseload.rowCount() - 1, 0).data(CaseloadModel::CodeRole).toString() != calm);
        sameAsAFullReread();

        // Acknowledging an alert takes just that alert away.
        AcknowledgeForm ack;
        ack.reset(alerts.index(0, 0).data(AlertsModel::AlertIdRole).toString(), QStringLiteral("an alert"));
        ack.setProperty("reason", QStringLiteral("Discussed in supervision"));
        const int alertsNow = alerts.rowCount();
        QVERIFY2(ack.submit(), qPrintable(ack.message()));
        QCOMPARE(alerts.rowCount(), alertsNow - 1);
        sameAsAFullReread();

        // With one counselor's caseload shown, a client an admin hands to a colleague leaves it.
        context.backend().signOut();
        QVERIFY(context.backend()
                    .signIn(QStringLiteral("Robin Admin"), QString::fromLatin1(alliance::demoPassword))
                    .isEmpty());
        context.backend().setCurrentCounselor(QStringLiteral("Alex Rivera"));
        caseloadResets.clear();
        alertResets.clear();
        const int rows = caseload.rowCount();
        const QString moved = caseload.index(0, 0).data(CaseloadModel::CodeRole).toString();
        ClientForm edit;
        QVERIFY(edit.load(moved));
        edit.setProperty("counselor", QStringLiteral("Sam Okafor"));
        QVERIFY2(edit.submit(), qPrintable(edit.message()));
        QCOMPARE(caseload.rowCount(), rows - 1);
        sameAsAFullReread();
    }

    void correctsThePostSessionReportWithAReasonAndKeepsTheOldOne()
    {
        AppContext context(demoOptions());
        alliance::Store& store = *context.backend().store();
        ReportForm form;
        QVERIFY(!form.load(QStringLiteral("C-001"), 9999)); // no such session
        const auto sessions = store.clientDetail("C-001").sessions;
        const auto bare =
            std::find_if(sessions.begin(), sessions.end(), [](const auto& s) { return !s.report; });
        QVERIFY(bare != sessions.end());
        QVERIFY(form.load(QStringLiteral("C-001"), bare->number));
        QVERIFY(!form.onRecord());
        // A first report needs no reason.
        form.setProperty("tension", true);
        form.setProperty("intensity", 4);
        form.setProperty("resolution", 2);
        QVERIFY2(form.submit(), qPrintable(form.message()));
        QVERIFY(form.onRecord());
        // Changing the client's answers on record needs a reason; nothing changes without one.
        form.setProperty("resolution", 5);
        const std::string before = alliance::test::dumpAll(store);
        QVERIFY(!form.submit());
        QCOMPARE(form.firstErrorField(), QStringLiteral("reason"));
        QVERIFY(readsWell(form.reasonError()));
        QCOMPARE(alliance::test::dumpAll(store), before);
        form.setProperty("reason", QStringLiteral("the client corrected it the next week"));
        QVERIFY2(form.submit(), qPrintable(form.message()));
        const auto stored =
            store.clientDetail("C-001").sessions[static_cast<std::size_t>(bare->number - 1)].report;
        QVERIFY(stored && stored->resolution == 5);
        QCOMPARE(form.history().size(), 1);
        QVERIFY(form.history()
                    .at(0)
                    .toMap()
                    .value(QStringLiteral("summary"))
                    .toString()
                    .contains(QStringLiteral("resolved 2")));
    }

    void aSupervisorCommentsOnAPlan()
    {
        AppContext context(demoOptions());
        alliance::Store& store = *context.backend().store();
        const int ruptureId = flagBlankRupture();
        RepairPlanForm form;
        QSignalSpy saved(&form, &RepairPlanForm::saved);
        form.reset(ruptureId);
        form.setStrategy(form.strategyChoices().at(0).toMap().value(QStringLiteral("value")).toString(),
                         true);
        QVERIFY(form.submit());
        const int planId = saved.at(0).at(0).toInt();
        form.follow(ruptureId, planId, 1);
        form.setProperty("comment", QStringLiteral("Name the silence \"gently\""));
        const auto signInAs = [&](const QString& name) {
            context.backend().signOut();
            QVERIFY(context.backend().signIn(name, QString::fromLatin1(alliance::demoPassword)).isEmpty());
        };
        signInAs(QStringLiteral("Sam Okafor")); // not this client's counselor
        QVERIFY(!context.backend().currentIsSupervisor());
        const std::string before = alliance::test::dumpContent(store);
        QVERIFY(!form.addComment());
        QVERIFY(readsWell(form.message()));
        QCOMPARE(alliance::test::dumpContent(store), before);
        signInAs(QStringLiteral("Morgan Ellis")); // Alex Rivera's supervisor
        QVERIFY(context.backend().currentIsSupervisor());
        QVERIFY2(form.addComment(), qPrintable(form.message()));
        QVERIFY(form.property("comment").toString().isEmpty());
        const auto plans = store.clientDetail("C-001").plans;
        const auto plan =
            std::find_if(plans.begin(), plans.end(), [&](const auto& p) { return p.id == planId; });
        QVERIFY(plan != plans.end());
        QCOMPARE(plan->comments.size(), std::size_t(1));
        QCOMPARE(plan->comments[0].author, std::string("Morgan Ellis"));
    }

    void aTransitionPlanIsEditedNeverDuplicated()
    {
        AppContext context(demoOptions());
        alliance::Store& store = *context.backend().store();
        TransitionForm form;
        form.load(QStringLiteral("C-001"), 0);
        QVERIFY(!form.existing());
        QCOMPARE(form.referralChoices().size(), static_cast<int>(store.referralAgencies().size()) + 1);
        QVERIFY(!form.addAgency()); // no name
        QCOMPARE(form.firstErrorField(), QStringLiteral("newAgency"));
        form.setProperty("newAgencyName", QStringLiteral("Riverside \"Family\" Centre"));
        form.setProperty("newAgencyServices", QStringLiteral("Family therapy"));
        QVERIFY(form.addAgency());
        QCOMPARE(form.property("referral").toString(), QStringLiteral("Riverside \"Family\" Centre"));
        form.setProperty("dialogueHeld", true);
        form.setProperty("nextSteps", QStringLiteral("Call together on Monday"));
        QVERIFY(form.submit());
        QVERIFY(form.submit()); // saving twice
        QCOMPARE(store.clientDetail("C-001").transitions.size(), std::size_t(1));
        TransitionForm again;
        again.load(QStringLiteral("c-001"), 0);
        QVERIFY(again.existing());
        QVERIFY(again.property("dialogueHeld").toBool());
        QCOMPARE(again.property("nextSteps").toString(), QStringLiteral("Call together on Monday"));
    }

    void acknowledgingAnAlertNeedsAReason()
    {
        AppContext context(demoOptions());
        QVERIFY(context.alerts().rowCount() > 0);
        const QString id = context.alerts().index(0, 0).data(AlertsModel::AlertIdRole).toString();
        AcknowledgeForm form;
        form.reset(id, QStringLiteral("C-001 · a breach"));
        QVERIFY(!form.submit());
        QCOMPARE(form.firstErrorField(), QStringLiteral("reason"));
        form.setProperty("reason", QStringLiteral("Discussed in supervision"));
        form.setProperty("snoozeDays", 400);
        QVERIFY(!form.submit());
        QCOMPARE(form.firstErrorField(), QStringLiteral("snoozeDays"));
        QVERIFY(readsWell(form.property("snoozeDaysError").toString()));
        form.setProperty("snoozeDays", 14);
        const int before = context.alerts().rowCount();
        QVERIFY(form.submit());
        QCOMPARE(context.alerts().rowCount(), before - 1);
        AcknowledgeForm unknown;
        unknown.reset(QStringLiteral("C-001/nothing/2026-01-01"), QStringLiteral("gone"));
        unknown.setProperty("reason", QStringLiteral("x"));
        QVERIFY(!unknown.submit());
        QVERIFY(readsWell(unknown.message()));
    }

    void theLastCounselorAndThemeAreRemembered()
    {
        QStandardPaths::setTestModeEnabled(true); // a settings file of the tests' own
        QCoreApplication::setOrganizationName(QStringLiteral("alliance-tracker-test"));
        QSettings().clear();
        // A supervisor's choice among their team, remembered for them.
        const QString morgan = QStringLiteral("Morgan Ellis");
        {
            AppContext context(demoOptions(morgan));
            context.backend().rememberChoices();
            QCOMPARE(context.backend().currentCounselor(), QString());
            context.backend().setCurrentCounselor(QStringLiteral("Sam Okafor"));
            context.backend().setTheme(QStringLiteral("dark"));
        }
        {
            AppContext context(demoOptions(morgan));
            QCOMPARE(context.backend().currentCounselor(), QString()); // only when asked to remember
            context.backend().rememberChoices();
            QCOMPARE(context.backend().currentCounselor(), QStringLiteral("Sam Okafor"));
            QCOMPARE(context.backend().theme(), QStringLiteral("dark"));
        }
        QSettings().setValue(QStringLiteral("counselor/Morgan Ellis"), QStringLiteral("Nobody Here"));
        {
            AppContext context(demoOptions(morgan));
            context.backend().rememberChoices(); // a colleague no longer on record is not chosen
            QCOMPARE(context.backend().currentCounselor(), QString());
        }
        QSettings().clear();
    }

    // The app's import: checked first (problems named, nothing written), then imported; a counselor
    // imports their own clients' ratings only.
    void importsAfterAPreview()
    {
        AppContext context(demoOptions());
        QTemporaryDir dir;
        const auto write = [&dir](const QString& name, const QByteArray& text) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        };
        write(QStringLiteral("bad.csv"), "client,date,instrument,rater,item1,item2,item3\r\n"
                                         "C-001,2026-11-26,bgt,observer,8,8,8\r\n"
                                         "C-001,2026-11-25,bgt,observer,8,12,8\r\n");
        write(QStringLiteral("good.csv"), "client,date,instrument,rater,item1,item2,item3\r\n"
                                          "C-001,2026-11-26,bgt,observer,8,8,8\r\n");
        write(QStringLiteral("colleague.csv"), "client,date,instrument,rater,item1,item2,item3\r\n"
                                               "C-002,2026-11-26,bgt,observer,8,8,8\r\n");
        const auto sessions = [&] {
            return context.backend().store()->clientDetail("C-001").sessions.size();
        };
        const auto before = sessions();
        ExchangeForm form;
        QSignalSpy finished(&form, &ExchangeForm::finished);
        form.check({dir.filePath(QStringLiteral("bad.csv"))});
        QCOMPARE(finished.count(), 1);
        QCOMPARE(form.problems().size(), 1);
        QVERIFY2(form.problems().at(0).contains(QStringLiteral("bad.csv, line 3, column item2")),
                 qPrintable(form.problems().at(0)));
        QVERIFY(!form.canImport());
        form.importChecked(); // refused: not checked clean
        QCOMPARE(sessions(), before);

        form.check({QUrl::fromLocalFile(dir.filePath(QStringLiteral("colleague.csv"))).toString()});
        QVERIFY(!form.canImport());
        QVERIFY(form.problems().at(0).contains(QStringLiteral("own counselor")));

        form.check({dir.filePath(QStringLiteral("good.csv"))});
        QVERIFY(form.canImport());
        QVERIFY(form.summary().contains(QStringLiteral("1 new")));
        QCOMPARE(sessions(), before); // a check writes nothing
        QSignalSpy changed(&context.backend(), &Backend::dataChanged);
        form.importChecked();
        QCOMPARE(finished.count(), 4); // bad, colleague, good checked; good imported
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(sessions(), before + 1);
        QVERIFY(changed.count() >= 1); // the caseload and the client page re-read
    }

    // Exports from the app: CSV files and a FHIR bundle for the owner only; a backup is an admin's.
    void exportsAndBacksUp()
    {
        AppContext context(demoOptions());
        QTemporaryDir dir;
        ExchangeForm form;
        QCOMPARE(form.exportCsv(dir.filePath(QStringLiteral("csv"))), QString());
        QFile ratings(dir.filePath(QStringLiteral("csv/ratings.csv")));
        QVERIFY(ratings.open(QIODevice::ReadOnly));
        QVERIFY(ratings.readLine().startsWith("client,counselor,session,date,instrument,rater,item1"));
        QCOMPARE(ratings.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QVERIFY(form.message().contains(QStringLiteral("ratings (")));
        QCOMPARE(form.exportFhir(dir.filePath(QStringLiteral("bundle.json")), false), QString());
        QFile bundle(dir.filePath(QStringLiteral("bundle.json")));
        QVERIFY(bundle.open(QIODevice::ReadOnly));
        QVERIFY(bundle.readAll().startsWith(R"({"resourceType":"Bundle")"));
        QVERIFY(!form.backup(dir.filePath(QStringLiteral("backup.db"))).isEmpty()); // not an admin
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("backup.db"))));
        QVERIFY(!form.exportCsv(QString()).isEmpty());
        // The admin's audit page words the exports.
        context.backend().signOut();
        QVERIFY(context.backend()
                    .signIn(QStringLiteral("Robin Admin"), QString::fromLatin1(alliance::demoPassword))
                    .isEmpty());
        AuditModel audit;
        QStringList sentences;
        for (int r = 0; r < audit.rowCount(); ++r)
            sentences << audit.data(audit.index(r, 0), AuditModel::SentenceRole).toString();
        QVERIFY2(sentences.filter(QStringLiteral("Alex Rivera: exported records (ratings)")).size() == 1,
                 qPrintable(sentences.join(QLatin1Char('\n'))));
    }

    // On a database file the import runs on a worker thread (the window stays responsive), with
    // progress; the models hear of it when it is written.
    void importsOnAWorkerThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("agency.db"));
        {
            alliance::Store store(path.toStdString(), alliance::OpenMode::CreateIfMissing);
            alliance::security::initialize(store, {"Robin Admin", alliance::Role::Admin, std::nullopt, true},
                                           alliance::demoPassword);
        }
        StartupOptions options;
        options.databasePath = path;
        options.signInAs = QStringLiteral("Robin Admin");
        options.signInPassword = QString::fromLatin1(alliance::demoPassword);
        AppContext context(options);
        QVERIFY(context.backend().work());
        QFile file(dir.filePath(QStringLiteral("people.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "counselor,role,supervisor\nMorgan Ellis,supervisor,\nAlex Rivera,counselor,Morgan Ellis\n");
        file.close();
        ExchangeForm form;
        QSignalSpy finished(&form, &ExchangeForm::finished);
        form.check({file.fileName()});
        QVERIFY(form.busy());
        QVERIFY(finished.wait(10000));
        QVERIFY2(form.canImport(), qPrintable(form.summary() + form.problems().join(QLatin1Char('\n'))));
        QCOMPARE(context.backend().store()->counselors().size(), std::size_t{1}); // only Robin
        form.importChecked();
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.last().at(0).toBool());
        QCOMPARE(form.progress(), 1.0);
        QCOMPARE(context.backend().store()->counselors().size(), std::size_t{3});
    }

    // A backup from the app, a change, and the backup restored from the app: the change is gone,
    // everyone is signed out, and signing in again shows the restored records.
    void restoresABackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("agency.db"));
        const std::string pw = alliance::demoPassword;
        {
            alliance::Store store(path.toStdString(), alliance::OpenMode::CreateIfMissing);
            alliance::security::initialize(store, {"Robin Admin", alliance::Role::Admin, std::nullopt, true},
                                           pw);
        }
        StartupOptions options;
        options.databasePath = path;
        options.signInAs = QStringLiteral("Robin Admin");
        options.signInPassword = QString::fromStdString(pw);
        AppContext context(options);
        ExchangeForm form;
        QCOMPARE(form.backup(dir.filePath(QStringLiteral("backup.db"))), QString());
        context.backend().work()->addCounselor("Added After", alliance::Role::Counselor, std::nullopt);
        QCOMPARE(context.backend().work()->counselors().size(), std::size_t{2});
        QVERIFY(!form.restore(dir.filePath(QStringLiteral("backup.db")), QStringLiteral("wrong")).isEmpty());
        QVERIFY(context.backend().work()); // refused: still signed in, nothing changed
        QCOMPARE(context.backend().work()->counselors().size(), std::size_t{2});
        QVERIFY(
            !form.restore(dir.filePath(QStringLiteral("nothing.db")), QString::fromStdString(pw)).isEmpty());
        QCOMPARE(form.restore(dir.filePath(QStringLiteral("backup.db")), QString::fromStdString(pw)),
                 QString());
        QVERIFY(!context.backend().work()); // signed out
        QVERIFY(!QFile::exists(path + QStringLiteral(".previous")));
        QVERIFY(
            context.backend().signIn(QStringLiteral("Robin Admin"), QString::fromStdString(pw)).isEmpty());
        QCOMPARE(context.backend().work()->counselors().size(), std::size_t{1});
        QVERIFY(context.backend().work()->verifyAudit().intact);
    }
};

QTEST_MAIN(FormsTest)
#include "tst_forms.moc"
