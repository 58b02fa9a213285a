#pragma once
// The audit trail for an admin: its entries, newest first, filtered by client code or person, and
// whether the chain verifies (security/AuditTrail.hpp).
#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "security/AuditTrail.hpp"

namespace alliance::gui {

class AuditModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString clientFilter MEMBER clientFilter_ NOTIFY filterChanged)
    Q_PROPERTY(QString personFilter MEMBER personFilter_ NOTIFY filterChanged)
    Q_PROPERTY(QString error READ error NOTIFY countChanged)
    // After verify(): "" before, else a sentence; intact says which way it went.
    Q_PROPERTY(QString verdict READ verdict NOTIFY verified)
    Q_PROPERTY(bool intact READ intact NOTIFY verified)

public:
    enum Role {
        AtRole = Qt::UserRole + 1,
        ActorRole,
        ActionRole,
        ClientRole,
        TargetRole,
        DetailRole,
        PendingRole,
        SentenceRole
    };
    Q_ENUM(Role)

    explicit AuditModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    QString error() const { return error_; }
    QString verdict() const { return verdict_; }
    bool intact() const { return intact_; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void verify();

signals:
    void countChanged();
    void filterChanged();
    void verified();

private:
    static QString actionLabel(const std::string& action);
    static QString targetLabel(const QString& target);

    std::vector<security::AuditEntry> entries_; // newest first
    QString clientFilter_, personFilter_, error_, verdict_;
    bool intact_ = false;
};

} // namespace alliance::gui
