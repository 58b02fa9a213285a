#pragma once
// When repair is not possible: the agency's policy known, an open dialogue held, a supervisor
// invited, a similar agency to refer to (and adding one to the list), next steps agreed with the
// client. One plan per client and rupture: opening the form again edits the plan on record.
#include "Form.hpp"

#include <QVariantList>

namespace alliance::gui {

class TransitionForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString clientCode READ clientCode NOTIFY loaded)
    Q_PROPERTY(int ruptureId READ ruptureId NOTIFY loaded)
    // True when a plan for this rupture is on record (saving updates it).
    Q_PROPERTY(bool existing READ existing NOTIFY loaded)
    Q_PROPERTY(bool policyReviewed MEMBER policyReviewed_ NOTIFY loaded)
    Q_PROPERTY(bool dialogueHeld MEMBER dialogueHeld_ NOTIFY loaded)
    Q_PROPERTY(bool supervisorInvited MEMBER supervisorInvited_ NOTIFY loaded)
    // The agency's name; "" for none yet.
    Q_PROPERTY(QString referral MEMBER referral_ NOTIFY loaded)
    // [{value, label}] -- "not yet" ("") first, then every agency on the list with its services.
    Q_PROPERTY(QVariantList referralChoices READ referralChoices NOTIFY loaded)
    Q_PROPERTY(QString nextSteps MEMBER nextSteps_ NOTIFY loaded)
    Q_PROPERTY(QString newAgencyName MEMBER newAgencyName_ NOTIFY loaded)
    Q_PROPERTY(QString newAgencyServices MEMBER newAgencyServices_ NOTIFY loaded)
    Q_PROPERTY(QString referralError READ referralError NOTIFY errorsChanged)
    Q_PROPERTY(QString nextStepsError READ nextStepsError NOTIFY errorsChanged)
    Q_PROPERTY(QString newAgencyError READ newAgencyError NOTIFY errorsChanged)

public:
    explicit TransitionForm(QObject* parent = nullptr);

    QString clientCode() const { return clientCode_; }
    int ruptureId() const { return static_cast<int>(ruptureId_); }
    bool existing() const { return existing_; }
    QVariantList referralChoices() const;
    QString referralError() const { return errorOf(QStringLiteral("referral")); }
    QString nextStepsError() const { return errorOf(QStringLiteral("nextSteps")); }
    QString newAgencyError() const { return errorOf(QStringLiteral("newAgency")); }

    // The plan on record for `clientCode` and rupture `ruptureId` (0: about the client as a
    // whole), or a blank one.
    Q_INVOKABLE void load(const QString& clientCode, int ruptureId);
    // Adds newAgencyName (with its services) to the referral list and chooses it.
    Q_INVOKABLE bool addAgency();
    Q_INVOKABLE bool submit();

signals:
    void loaded();
    void saved();

private:
    QString clientCode_;
    Id ruptureId_ = 0;
    bool existing_ = false;
    bool policyReviewed_ = false;
    bool dialogueHeld_ = false;
    bool supervisorInvited_ = false;
    QString referral_;
    QString nextSteps_;
    QString newAgencyName_;
    QString newAgencyServices_;
};

} // namespace alliance::gui
