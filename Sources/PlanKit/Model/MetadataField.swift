/// `**Last Updated**: `value`` or `**Status**: `value``: the value between the backticks.
public struct MetadataField: Sendable, Equatable {
    public var value: String
    /// 1-based line of the field.
    public var line: Int
    /// Bytes of the value inside the file, backticks excluded.
    public var valueRange: Range<Int>

    /// The placeholder a plan carries before it was ever stamped.
    public static let neverStamped = "{{TIMESTAMP}}"
}
