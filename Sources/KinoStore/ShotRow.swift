import Foundation
import GRDB
import KinoCore

/// A shot's row in the `shot` table, read and written through ShotField.all: the columns
/// are the table's, not a list of their own.
enum ShotRow {
    /// The columns in field order, for SELECT and INSERT.
    static let columns = ShotField.all.map(\.column)
    static let selectSQL = "SELECT \(columns.joined(separator: ", ")) FROM shot ORDER BY position"
    static let insertSQL = "INSERT INTO shot (\(columns.joined(separator: ", ")), position) VALUES (\(Array(repeating: "?", count: columns.count + 1).joined(separator: ",")))"

    static func insert(_ db: Database, _ s: Shot, at position: Int) throws {
        var values = try ShotField.all.map { try $0.columnValue(s).databaseValue }
        values.append(position.databaseValue)
        try db.cachedStatement(sql: insertSQL).execute(arguments: StatementArguments(values))
    }

    /// Writes only the columns whose fields changed: most edits touch one field.
    static func update(_ db: Database, old: Shot, new s: Shot) throws {
        var sets: [String] = []
        var values: [DatabaseValue] = []
        for f in ShotField.all where f.differs(old, s) {
            sets.append("\(f.column) = ?")
            values.append(try f.columnValue(s).databaseValue)
        }
        guard !sets.isEmpty else { return }
        values.append(old.id.raw.databaseValue)
        try db.cachedStatement(sql: "UPDATE shot SET \(sets.joined(separator: ", ")) WHERE id = ?")
            .execute(arguments: StatementArguments(values))
    }

    /// Every shot in timeline order.
    static func loadAll(_ db: Database) throws -> [Shot] {
        try Row.fetchAll(db.cachedStatement(sql: selectSQL)).map(shot(from:))
    }

    /// A row of `selectSQL` as a shot.
    static func shot(from row: Row) throws -> Shot {
        var s = Shot(id: ShotID(raw: ""), sceneID: SceneID(raw: ""), prompt: "", duration: 0)
        for (i, f) in ShotField.all.enumerated() {
            try f.readColumn(&s, try ColumnValue(row[i] as DatabaseValue, column: f.column))
        }
        return s
    }
}

extension ColumnValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let i): return i.databaseValue
        case .text(let s): return s.databaseValue
        case .blob(let d): return d.databaseValue
        }
    }

    init(_ value: DatabaseValue, column: String) throws {
        switch value.storage {
        case .null: self = .null
        case .int64(let i): self = .integer(i)
        case .string(let s): self = .text(s)
        case .blob(let d): self = .blob(d)
        case .double(let d):
            // A whole number stored as REAL (an older tool's write) is still that number.
            guard let i = Int64(exactly: d) else { throw FieldCodingError(field: column, detail: "a real number \(d)") }
            self = .integer(i)
        }
    }
}
