/// A bar drawn with characters, for reports without pictures: `█████████░░░░░│░░░░░░`.
enum TextBar {
    /// `value` (0–100) as `cells` filled or empty cells, with `│` at `threshold` when given.
    static func draw(_ value: Double, threshold: Double? = nil, cells: Int = 20) -> String {
        func cell(_ percent: Double) -> Int { Int((min(max(percent, 0), 100) * Double(cells) / 100).rounded(.toNearestOrAwayFromZero)) }
        let filled = cell(value)
        var bar = String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
        if let threshold {
            bar.insert("│", at: bar.index(bar.startIndex, offsetBy: cell(threshold)))
        }
        return bar
    }
}
