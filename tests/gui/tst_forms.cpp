// The form objects: their state lives in C++ and is tested here. Each field's error is worded with
// the field's label, never a CLI flag; a rejected submit changes nothing; saved / failed fire.
#include "AppContext.hpp"
#include "ClientForm.hpp"
#include "CorrectionForm.hpp"
#include "CounselorForm.hpp"
#include "HandOverForm.hpp"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <algorithm>

using namespace alliance::gui;

namespace {
StartupOptions demoOptions()
{
    StartupOptions options;
    options.demo = true;
    options.demoClients = 8;
    options.asOf = QDate(2026, 11, 27);
    return options;
}

// No CLI syntax in anything a person reads.
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
    void addsAClient()
    {
        AppContext context(demoOptions());
        ClientForm form;
        QSignalSpy saved(&form, &ClientForm::saved);
        QSignalSpy failed(&form, &ClientForm::failed);
        const int before = context.caseload().totalCount();
        form.reset(QStringLiteral("Sam Okafor"));
        QVERIFY(!form.editing());
        QCOMPARE(form.property("counselor").toString(), QStringLiteral("Sam Okafor"));
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
        QCOMPARE(detail.client.counselorName, std::string("Sam Okafor"));
        QCOMPARE(*detail.client.displayName, std::string("Zoë O'Brien"));
    }

    void rejectsBadInputOnTheFieldAtFault_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QDate>("start");
        QTest::addColumn<int>("cadence");
        QTest::addColumn<QString>("field");
        QTest::addRow("empty code") << QString(" ") << QDate(2026, 11, 1) << 7 << "code";
        QTest::addRow("a code like another") << QString("c-001") << QDate(2026, 11, 1) << 7 << "code";
        QTest::addRow("zero-width space")
            << QString::fromUtf8("C-\u200b901") << QDate(2026, 11, 1) << 7 << "code";
        QTest::addRow("full-width letter")
            << QString::fromUtf8("\uff23-901") << QDate(2026, 11, 1) << 7 << "code";
        QTest::addRow("cadence 0") << QString("C-901") << QDate(2026, 11, 1) << 0 << "cadenceDays";
        QTest::addRow("start in the future")
            << QString("C-901") << QDate::currentDate().addDays(30) << 7 << "startDate";
        QTest::addRow("start before 1900") << QString("C-901") << QDate(1850, 1, 1) << 7 << "startDate";
    }

    void rejectsBadInputOnTheFieldAtFault()
    {
        QFETCH(QString, code);
        QFETCH(QDate, start);
        QFETCH(int, cadence);
        QFETCH(QString, field);
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
        form.setProperty("counselor", QStringLiteral("Jordan Lee"));
        form.setProperty("code", QStringLiteral("C-999")); // the code is fixed once set
        QVERIFY(form.submit());
        const auto client = context.backend().store()->clientDetail("C-001").client;
        QCOMPARE(client.status, std::string("closed"));
        QCOMPARE(client.cadenceDays, 21);
        QCOMPARE(client.counselorName, std::string("Jordan Lee"));
        QCOMPARE(form.statusChoices().size(), 3);
        for (const QVariant& choice : form.statusChoices())
            QVERIFY(!choice.toMap().value(QStringLiteral("label")).toString().isEmpty());
    }

    void addsAColleague()
    {
        AppContext context(demoOptions());
        CounselorForm form;
        QSignalSpy saved(&form, &CounselorForm::saved);
        const int before = context.backend().counselorNames().size();
        form.setProperty("name", QStringLiteral(" Kim Park "));
        form.setProperty("role", QStringLiteral("supervisor"));
        QVERIFY(form.submit());
        QCOMPARE(saved.at(0).at(0).toString(), QStringLiteral("Kim Park"));
        QCOMPARE(context.backend().counselorNames().size(), before + 1);
        const QVariantList supervisors = form.supervisorChoices();
        QVERIFY(std::any_of(supervisors.begin(), supervisors.end(), [](const QVariant& c) {
            return c.toMap().value(QStringLiteral("value")).toString() == QStringLiteral("Kim Park");
        }));

        form.reset();
        form.setProperty("name", QStringLiteral("KIM PARK"));
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
        QVERIFY(form.load(QStringLiteral("c-001"), 1, instrument, QString::fromStdString(original.rater)));
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
        AppContext context(demoOptions());
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

    void theLastCounselorAndThemeAreRemembered()
    {
        QStandardPaths::setTestModeEnabled(true); // a settings file of the tests' own
        QCoreApplication::setOrganizationName(QStringLiteral("alliance-tracker-test"));
        QSettings().clear();
        {
            AppContext context(demoOptions());
            context.backend().rememberChoices();
            QCOMPARE(context.backend().currentCounselor(), QString());
            context.backend().setCurrentCounselor(QStringLiteral("Sam Okafor"));
            context.backend().setTheme(QStringLiteral("dark"));
        }
        {
            AppContext context(demoOptions());
            QCOMPARE(context.backend().currentCounselor(), QString()); // only when asked to remember
            context.backend().rememberChoices();
            QCOMPARE(context.backend().currentCounselor(), QStringLiteral("Sam Okafor"));
            QCOMPARE(context.backend().theme(), QStringLiteral("dark"));
        }
        QSettings().setValue(QStringLiteral("counselor"), QStringLiteral("Nobody Here"));
        {
            AppContext context(demoOptions());
            context.backend().rememberChoices(); // a colleague no longer on record is not chosen
            QCOMPARE(context.backend().currentCounselor(), QString());
        }
        QSettings().clear();
    }
};

QTEST_MAIN(FormsTest)
#include "tst_forms.moc"
