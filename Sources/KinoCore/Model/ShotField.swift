import Foundation

/// A value as the project file stores it in one column: the SQLite storage classes Kino uses.
public enum ColumnValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case text(String)
    case blob(Data)
}

/// What a shot field is for. The role decides the input hash, the stale badges, which jobs an
/// edit cancels and what using a take again restores.
public enum ShotFieldRole: Hashable, Sendable {
    /// The shot's id: never changes, part of the input hash.
    case identity
    /// Decides the pixels: part of the input hash; using a take again restores it.
    case input
    /// Where the shot sits: its scene counts through the scene's environment and lighting.
    case placement
    /// Describes the shot without changing its pixels (its name, the preset its keys came from).
    case label
    /// Which take is current.
    case take
}

/// One stored property of Shot with everything that reads or writes it: the name it has in
/// JSON and the journal, its column in the `shot` table, the word edit labels use, its role,
/// and its codings. `ShotField.all` is the one list; the file, the journal, the input hash,
/// take restore and edit labels all walk it, and a test checks it against Shot's properties.
public struct ShotField: Sendable {
    /// The property's name: the key in Shot's JSON and in the journal's shot patches.
    public let name: String
    /// Its column in the `shot` table.
    public let column: String
    /// The word an edit's label uses for it ("change prompt of shot sh3").
    public let label: String
    public let role: ShotFieldRole
    /// Whether the two shots differ in this field.
    public let differs: @Sendable (Shot, Shot) -> Bool
    /// Sets this field of the second shot to its value in the first.
    public let copy: @Sendable (Shot, inout Shot) -> Void
    /// The column value of this field of a shot.
    public let columnValue: @Sendable (Shot) throws -> ColumnValue
    /// Sets this field of a shot from its column value.
    public let readColumn: @Sendable (inout Shot, ColumnValue) throws -> Void
    /// This field of a shot as a JSON fragment (the journal's patch value).
    public let journalJSON: @Sendable (Shot) throws -> String
    /// Sets this field from a value JSONSerialization read from a patch.
    public let readJournal: @Sendable (inout Shot, Any) throws -> Void

    init<V: Equatable & Sendable>(_ name: String, column: String, label: String, role: ShotFieldRole,
                       _ path: WritableKeyPath<Shot, V> & Sendable, _ coding: FieldCoding<V>) {
        self.name = name; self.column = column; self.label = label; self.role = role
        differs = { $0[keyPath: path] != $1[keyPath: path] }
        copy = { $1[keyPath: path] = $0[keyPath: path] }
        columnValue = { try coding.column($0[keyPath: path]) }
        readColumn = { shot, value in
            do { shot[keyPath: path] = try coding.fromColumn(value) } catch { throw FieldCodingError(field: column, because: error) }
        }
        journalJSON = { try coding.json($0[keyPath: path]) }
        readJournal = { shot, value in
            do { shot[keyPath: path] = try coding.fromJSON(value) } catch { throw FieldCodingError(field: name, because: error) }
        }
    }

    /// Whether this field decides a shot's pixels (the input hash holds it).
    public var isHashed: Bool { role == .input || role == .identity }
}

extension ShotField {
    /// Every stored property of Shot, once. Order: the order edit labels name changes in.
    public static let all: [ShotField] = [
        ShotField("prompt", column: "prompt", label: "prompt", role: .input, \.prompt, .text),
        ShotField("duration", column: "duration", label: "duration", role: .input, \.duration, .int),
        ShotField("seed", column: "seed", label: "seed", role: .input, \.seed, .seed),
        ShotField("sceneID", column: "scene_id", label: "scene", role: .placement, \.sceneID, .id()),
        ShotField("cast", column: "cast_json", label: "cast", role: .input, \.cast, .castJSON),
        ShotField("camera", column: "camera", label: "camera", role: .input, \.camera, .cameraKeys),
        ShotField("cameraPreset", column: "camera_preset", label: "camera", role: .label, \.cameraPreset, .optional(.rawValue())),
        ShotField("cameraIsExplicit", column: "camera_explicit", label: "camera", role: .input, \.cameraIsExplicit, .bool),
        ShotField("lightingID", column: "lighting_id", label: "lighting", role: .input, \.lightingID, .optional(.id())),
        ShotField("currentTakeID", column: "current_take_id", label: "take", role: .take, \.currentTakeID, .optional(.id())),
        ShotField("name", column: "name", label: "name", role: .label, \.name, .text),
        ShotField("startImage", column: "start_image", label: "source", role: .input, \.startImage, .optional(.json())),
        ShotField("sourceVideo", column: "source_video", label: "source", role: .input, \.sourceVideo, .optional(.json())),
        ShotField("id", column: "id", label: "id", role: .identity, \.id, .id()),
    ]

    /// The fields by name (for reading journal patches).
    public static let byName: [String: ShotField] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The user words for the fields that differ between two shots ("prompt, seed"), or "nothing".
    public static func changedLabels(_ a: Shot, _ b: Shot) -> String {
        var labels: [String] = []
        for f in all where f.differs(a, b) && !labels.contains(f.label) { labels.append(f.label) }
        return labels.isEmpty ? "nothing" : labels.joined(separator: ", ")
    }

    /// A shot holding only `shot`'s id and the fields of `roles` (the rest at fixed blanks).
    public static func keeping(_ roles: Set<ShotFieldRole>, of shot: Shot) -> Shot {
        var s = Shot(id: shot.id, sceneID: SceneID(raw: ""), prompt: "", duration: 0)
        for f in all where roles.contains(f.role) { f.copy(shot, &s) }
        return s
    }
}

/// A stored value that cannot be read back as its field.
public struct FieldCodingError: Error, LocalizedError, Hashable {
    public let field: String
    public let detail: String
    public init(field: String, detail: String) { self.field = field; self.detail = detail }
    /// Names the field; keeps the cause's own sentence short (a decoder's is very long).
    init(field: String, because error: Error) {
        let inner = (error as? FieldCodingError)?.detail ?? (error as? LocalizedError)?.errorDescription ?? error.localizedDescription
        self.init(field: field, detail: String(inner.prefix(120)))
    }
    public var errorDescription: String? { "unreadable value for \(field): \(detail)" }
}

/// How one field's value is written to its column and to the journal's JSON.
public struct FieldCoding<Value: Sendable>: Sendable {
    let column: @Sendable (Value) throws -> ColumnValue
    let fromColumn: @Sendable (ColumnValue) throws -> Value
    let json: @Sendable (Value) throws -> String
    let fromJSON: @Sendable (Any) throws -> Value
}

private func unexpected(_ value: Any, _ wanted: String) -> FieldCodingError {
    FieldCodingError(field: wanted, detail: "expected \(wanted), found \(String("\(value)".prefix(40)))")
}

extension FieldCoding where Value == String {
    static var text: FieldCoding {
        FieldCoding(column: { .text($0) },
                    fromColumn: { guard case .text(let s) = $0 else { throw unexpected($0, "text") }; return s },
                    json: { jsonStringLiteral($0) },
                    fromJSON: { guard let s = $0 as? String else { throw unexpected($0, "a string") }; return s })
    }
}

extension FieldCoding where Value == Int {
    static var int: FieldCoding {
        FieldCoding(column: { .integer(Int64($0)) },
                    fromColumn: { guard case .integer(let i) = $0 else { throw unexpected($0, "an integer") }; return Int(i) },
                    json: { "\($0)" },
                    fromJSON: { guard let n = $0 as? NSNumber else { throw unexpected($0, "a number") }; return n.intValue })
    }
}

extension FieldCoding where Value == UInt64 {
    /// Stored as the signed 64-bit integer with the same bits (SQLite has no unsigned type).
    static var seed: FieldCoding {
        FieldCoding(column: { .integer(Int64(bitPattern: $0)) },
                    fromColumn: { guard case .integer(let i) = $0 else { throw unexpected($0, "an integer") }; return UInt64(bitPattern: i) },
                    json: { "\($0)" },
                    fromJSON: { guard let n = $0 as? NSNumber else { throw unexpected($0, "a number") }; return n.uint64Value })
    }
}

extension FieldCoding where Value == Bool {
    static var bool: FieldCoding {
        FieldCoding(column: { .integer($0 ? 1 : 0) },
                    fromColumn: { guard case .integer(let i) = $0 else { throw unexpected($0, "0 or 1") }; return i != 0 },
                    json: { $0 ? "true" : "false" },
                    fromJSON: {
                        if let b = $0 as? Bool { return b }
                        guard let n = $0 as? NSNumber else { throw unexpected($0, "true or false") }
                        return n.boolValue
                    })
    }
}

extension FieldCoding where Value: KinoID {
    static func id() -> FieldCoding {
        let text = FieldCoding<String>.text
        return FieldCoding(column: { .text($0.raw) }, fromColumn: { Value(raw: try text.fromColumn($0)) },
                           json: { jsonStringLiteral($0.raw) }, fromJSON: { Value(raw: try text.fromJSON($0)) })
    }
}

extension FieldCoding where Value: RawRepresentable, Value.RawValue == String {
    static func rawValue() -> FieldCoding {
        let text = FieldCoding<String>.text
        @Sendable func parse(_ raw: String) throws -> Value {
            guard let v = Value(rawValue: raw) else { throw FieldCodingError(field: "\(Value.self)", detail: "unknown value '\(raw)'") }
            return v
        }
        return FieldCoding(column: { .text($0.rawValue) }, fromColumn: { try parse(try text.fromColumn($0)) },
                           json: { jsonStringLiteral($0.rawValue) }, fromJSON: { try parse(try text.fromJSON($0)) })
    }
}

extension FieldCoding where Value: Codable {
    /// JSON text in the column, the same JSON in the journal (readable with the sqlite3 shell).
    static func json() -> FieldCoding {
        FieldCoding(column: { .text(try FieldJSON.encode($0)) },
                    fromColumn: { guard case .text(let s) = $0 else { throw unexpected($0, "JSON text") }; return try FieldJSON.decode(Value.self, s) },
                    json: { try FieldJSON.encode($0) },
                    fromJSON: { try FieldJSON.decode(Value.self, fragment: $0) })
    }
}

extension FieldCoding where Value == [CastMember] {
    /// JSON, with the common empty cast read without a decoder.
    static var castJSON: FieldCoding {
        let plain = FieldCoding.json()
        return FieldCoding(column: plain.column,
                           fromColumn: { if case .text("[]") = $0 { return [] }; return try plain.fromColumn($0) },
                           json: plain.json, fromJSON: plain.fromJSON)
    }
}

extension FieldCoding where Value == CameraPath {
    /// Compact binary keys in the column (JSON decoding dominated opening a long project);
    /// JSON in the journal. A JSON column (a file from before migration v3-camera-keys) is read as well.
    static var cameraKeys: FieldCoding {
        let plain = FieldCoding.json()
        return FieldCoding(column: { .blob($0.binaryEncoded()) },
                           fromColumn: {
                               if case .blob(let data) = $0 { return try CameraPath(binary: data) }
                               return try plain.fromColumn($0)
                           },
                           json: plain.json, fromJSON: plain.fromJSON)
    }
}

extension FieldCoding {
    /// nil as NULL in the column and `null` in the journal.
    static func optional<W: Sendable>(_ inner: FieldCoding<W>) -> FieldCoding<W?> where Value == W? {
        FieldCoding<W?>(column: { try $0.map(inner.column) ?? .null },
                        fromColumn: { if case .null = $0 { return nil }; return try inner.fromColumn($0) },
                        json: { try $0.map(inner.json) ?? "null" },
                        fromJSON: { $0 is NSNull ? nil : try inner.fromJSON($0) })
    }
}

/// The JSON the file and the journal use for structured values: sorted keys, so equal values
/// give equal text.
public enum FieldJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }
    public static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
    /// Decodes a value JSONSerialization produced (a journal patch's field).
    static func decode<T: Decodable>(_ type: T.Type, fragment: Any) throws -> T {
        let data = try JSONSerialization.data(withJSONObject: fragment, options: [.fragmentsAllowed])
        return try JSONDecoder().decode(T.self, from: data)
    }
}

/// A JSON string literal for `s`.
public func jsonStringLiteral(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
        default: out.unicodeScalars.append(u)
        }
    }
    return out + "\""
}
