/** Chinese messages by finding code; `{name}` placeholders are filled from the finding's params. */
export const zhCN: Readonly<Record<string, string>> = {
  rule_violated: '{title}：应为 {expected}，实际为 {actual}',
  rule_error: '规则无法求值：{reason}。请修正文档中该处的数据，或检查规则',
  schema_violation: '文档结构问题：{detail}',
  invalid_amount: '{table}“{row}”行 {column} 列的值 {value} 不是金额：请填写十进制数字（如 3011.46），空单元格请留空',
  generic: '{title}',
};
