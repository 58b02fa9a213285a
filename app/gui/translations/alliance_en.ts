<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms ("1 session", "2 sessions") of the app's texts that count something.
     Qt words a %n text with the forms of the loaded translation; English needs one too. The test
     "i18n: every counted text has its English plural forms" fails when a new %n text is missing here. -->
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>alliance::gui::ExchangeForm</name>
    <message numerus="yes">
        <source>%1 (%n rows)</source>
        <translation>
            <numerusform>%1 (%n row)</numerusform>
            <numerusform>%1 (%n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems: nothing can be imported until they are corrected.</source>
        <translation>
            <numerusform>%n problem: nothing can be imported until it is corrected.</numerusform>
            <numerusform>%n problems: nothing can be imported until they are corrected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote a FHIR R4 bundle of %n ratings to %1</source>
        <translation>
            <numerusform>Wrote a FHIR R4 bundle of %n rating to %1</numerusform>
            <numerusform>Wrote a FHIR R4 bundle of %n ratings to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrajectoryWording</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n wrong password(s) in a row</source>
        <translation>
            <numerusform>, %n wrong password in a row</numerusform>
            <numerusform>, %n wrong passwords in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Intact: %n entries verify, none changed, moved or removed.</source>
        <translation>
            <numerusform>Intact: %n entry verifies, none changed, moved or removed.</numerusform>
            <numerusform>Intact: %n entries verify, none changed, moved or removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong passwords. Try again in %n second.</numerusform>
            <numerusform>Too many wrong passwords. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>RR-1: a drop larger than %1 points (reliable change; %2) opens a breach; repaired when the score before the drop is regained within %n sessions</source>
        <translation>
            <numerusform>RR-1: a drop larger than %1 points (reliable change; %2) opens a breach; repaired when the score before the drop is regained within %n session</numerusform>
            <numerusform>RR-1: a drop larger than %1 points (reliable change; %2) opens a breach; repaired when the score before the drop is regained within %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions, no breach.</source>
        <translation>
            <numerusform>%n session, no breach.</numerusform>
            <numerusform>%n sessions, no breach.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions, %1: %2 repaired, %3 unrepaired, %4 pending.</source>
        <translation>
            <numerusform>%n session, %1: %2 repaired, %3 unrepaired, %4 pending.</numerusform>
            <numerusform>%n sessions, %1: %2 repaired, %3 unrepaired, %4 pending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breaches</source>
        <translation>
            <numerusform>%n breach</numerusform>
            <numerusform>%n breaches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions in a row at the maximum score</source>
        <translation>
            <numerusform>%n session in a row at the maximum score</numerusform>
            <numerusform>%n sessions in a row at the maximum score</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days since the last session (planned every %1)</source>
        <translation>
            <numerusform>%n day since the last session (planned every %1)</numerusform>
            <numerusform>%n days since the last session (planned every %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alliance::gui::RepairPlanForm</name>
    <message numerus="yes">
        <source>%n strategies</source>
        <translation>
            <numerusform>%n strategy</numerusform>
            <numerusform>%n strategies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n steps</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
</context>
</TS>
