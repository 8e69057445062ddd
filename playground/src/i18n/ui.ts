/** The page's own strings, by language (Monaco's menus follow its zh-CN language pack). */
import { type UiLanguage } from '../state/shareState.js';

const zhCN = {
  title: '预算公开规则检查',
  subtitle: '规则与文档即改即查',
  rules: '规则包（JSON）',
  document: '公开文档（JSON）',
  findings: '检查结果',
  example: '示例',
  language: '语言',
  share: '复制分享链接',
  shared: '链接已复制到地址栏和剪贴板',
  export: '导出报告 JSON',
  guide: '规则编写指南',
  reset: '恢复示例',
  open: '打开文件（.txt / .json）',
  pasted: '粘贴的文本',
  cases: '规则用例',
  runCases: '运行用例',
  checking: '正在检查…',
  ready: '共 {error} 个错误、{warning} 个警告、{info} 个提示（{rules} 条规则，{ms} 毫秒）',
  clean: '未发现问题：{rules} 条规则全部通过或不适用（{ms} 毫秒）',
  ruleProblems: '规则包有 {count} 个问题，修正前无法检查',
  documentProblem: '文档无法检查',
  casePassed: '通过',
  caseFailed: '不通过',
  noCases: '该规则没有用例',
  expected: '应报告',
  actual: '实际报告',
  none: '无',
  severity: { error: '错误', warning: '警告', info: '提示' },
  example_names: {
    'budget-2025-shenpiju': '样本：山西转型综改示范区行政审批局 2025 部门预算',
    'budget-2025-shenpiju-defects-arithmetic': '缺陷示例：表内与表间计算错误',
    'budget-2025-shenpiju-defects-empty-and-narrative': '缺陷示例：空表未说明、情况说明与报表不符',
    'shanghai-putuo-wanli-2025-budget': '公开文本：上海市普陀区万里街道 2025 部门预算',
    'shanghai-putuo-zhengfuban-2025-budget': '公开文本：上海市普陀区人民政府办公室 2025 部门预算',
    'shanghai-putuo-zhengfuban-2025-budget-imported': '已导入：上海市普陀区人民政府办公室 2025 部门预算（JSON）',
  } as Record<string, string>,
};

const en: typeof zhCN = {
  title: 'Budget disclosure rule checker',
  subtitle: 'Edit rules and documents, see findings live',
  rules: 'Rule pack (JSON)',
  document: 'Disclosure document (JSON)',
  findings: 'Findings',
  example: 'Example',
  language: 'Language',
  share: 'Copy share link',
  shared: 'Link placed in the address bar and clipboard',
  export: 'Export report JSON',
  guide: 'Rule authoring guide',
  reset: 'Reset example',
  open: 'Open a file (.txt / .json)',
  pasted: 'pasted text',
  cases: 'Rule cases',
  runCases: 'Run cases',
  checking: 'Checking…',
  ready: '{error} errors, {warning} warnings, {info} notes ({rules} rules, {ms} ms)',
  clean: 'No problems: all {rules} rules passed or did not apply ({ms} ms)',
  ruleProblems: 'The rule pack has {count} problems; fix them to check',
  documentProblem: 'The document cannot be checked',
  casePassed: 'passed',
  caseFailed: 'failed',
  noCases: 'This rule has no cases',
  expected: 'expected',
  actual: 'reported',
  none: 'none',
  severity: { error: 'error', warning: 'warning', info: 'note' },
  example_names: {
    'budget-2025-shenpiju': 'Sample: 2025 department budget (Shanxi)',
    'budget-2025-shenpiju-defects-arithmetic': 'Defects: arithmetic within and across tables',
    'budget-2025-shenpiju-defects-empty-and-narrative': 'Defects: unexplained empty tables, text vs tables',
    'shanghai-putuo-wanli-2025-budget': 'Published text: Wanli subdistrict, Putuo, Shanghai, 2025',
    'shanghai-putuo-zhengfuban-2025-budget': 'Published text: Putuo district government office, Shanghai, 2025',
    'shanghai-putuo-zhengfuban-2025-budget-imported': 'Imported: Putuo district government office, Shanghai, 2025 (JSON)',
  },
};

/** The strings of one language. */
export type UiStrings = typeof zhCN;

/** Strings by language. */
export const UI: Readonly<Record<UiLanguage, UiStrings>> = { 'zh-CN': zhCN, en };

