/**
 * Builds the JSON Schemas for rules and rule sets from the fact and operator registries, so the
 * schema, the editor's completion and the registries can never disagree. `npm run build:schemas`
 * writes them to schemas/; a test checks the committed files are current.
 */
import { FACTS } from '../facts/index.js';
import { OPERATORS } from '../operators/index.js';

type Schema = Record<string, unknown>;

const SCHEMA_DRAFT = 'https://json-schema.org/draft/2020-12/schema';

const localized: Schema = {
  description: '中文文本，或 {"zh-CN": "…", "en": "…"}。/ Chinese text, or both languages.',
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      required: ['zh-CN'],
      additionalProperties: false,
      properties: {
        'zh-CN': { type: 'string', minLength: 1, description: '中文。/ Chinese.' },
        en: { type: 'string', description: '英文。/ English.' },
      },
    },
  ],
};

const rowSelector: Schema = {
  description: '行选择器：所列条件须同时满足。/ Row selector: every given criterion must hold.',
  type: 'object',
  additionalProperties: false,
  properties: {
    key: { description: '行的语义 key（或其中之一），如 total。/ Row key(s).', anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    exceptKeys: { description: '排除这些 key 的行。/ Exclude rows with these keys.', type: 'array', items: { type: 'string' } },
    code: { description: '科目编码（或其中之一）。/ Code(s).', anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    codeLength: {
      description: '编码位数：3 类、5 款、7 项，或其中几种，如 [3, 5]。/ Code length, or several.',
      anyOf: [{ enum: [3, 5, 7] }, { type: 'array', minItems: 1, items: { enum: [3, 5, 7] } }],
    },
    codePrefix: { description: '编码前缀。/ Code prefix.', type: 'string' },
    hasCode: { description: '是否有编码。/ Whether the row has a code.', type: 'boolean' },
    hasKey: { description: '是否有 key。/ Whether the row has a key.', type: 'boolean' },
    name: { description: '行名称（忽略空白），或其中之一。/ Row name(s), whitespace ignored.', anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    group: { description: '双栏表的一侧：income 或 expenditure。/ Side of a two-sided table.', enum: ['income', 'expenditure'] },
    level: { description: '层级。/ Level.', type: 'integer', minimum: 1 },
    maxLevel: { description: '层级不超过该值的行（没有层级的行算作第 1 层），如某一侧同时列出下级行时只取顶层行。/ Rows at most this deep (rows without a level count as level 1).', type: 'integer', minimum: 1 },
    hasChildren: { description: '是否有下级行。/ Whether the row has children in the hierarchy.', type: 'boolean' },
    leaf: {
      description:
        '是否为印出的层级最下一级的行（如单位—类别—项目中的项目）：有层级、没有下级行，其后也不是读不出层级的行。/ Whether the row is at the bottom of the printed hierarchy (e.g. a project under its unit and category).',
      type: 'boolean',
    },
    hasValues: { description: '是否至少有一个金额单元格已填写（全空的行为 false）。/ Whether at least one amount cell is filled.', type: 'boolean' },
    unitName: {
      description:
        '行所属单位（单位名称列）为此名称（忽略空白）；表中没有单位名称列的行不受此条件限制。/ The row\'s unit (its 单位名称 cell) is this one, whitespace ignored; rows of a table without a unit column are not held to it.',
      type: 'string',
    },
    sameCode: { description: '与作用域当前行编码相同的行（用于跨表核对）。/ The row with the scope row\'s code (cross-table checks).', const: true },
    sameAs: {
      description:
        '编码或名称取自作用域当前对象的某个字段（JSON Pointer），如 {"name": "/project"}：与绩效目标表项目同名的行；{"code": "/code"}：与情况说明中数字的科目编码相同的行。/ Code or name read from the current scope item, e.g. {"name": "/project"}.',
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        code: { description: '编码所在字段。/ Pointer to the code.', type: 'string', pattern: '^(/[^/]*)+$' },
        unitName: {
          description:
            '单位名称所在字段，如 {"name": "/project", "unitName": "/implementingUnit"}：同名项目由几个单位分别列示时，取实施单位相同的那一行；当前对象没有该字段时不按单位区分。/ Pointer to the unit name: among rows of the same name, the one of this unit; not used when the item has no such field.',
          type: 'string',
          pattern: '^(/[^/]*)+$',
        },
        name: {
          description:
            '名称所在字段（比较时忽略空白，全角括号视同半角；科目路径如“卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”或“卫生健康支出-行政事业单位医疗-行政单位医疗”取最后一级）；"" 表示当前对象本身就是名称（如作用域 text 的一段文字）。/ Pointer to the name (whitespace ignored, full-width brackets as ASCII; a cited classification path means its last part); "" when the item is the name itself.',
          type: 'string',
          pattern: '^(/[^/]*)*$',
        },
      },
    },
  },
};

function factParamsSchemas(): Schema {
  return Object.fromEntries(FACTS.map((fact) => [fact.name, { description: fact.description['zh-CN'], ...fact.params }]));
}

function operatorValueSchemas(): Schema {
  return Object.fromEntries(OPERATORS.map((operator) => [operator.name, operator.value]));
}

const factName: Schema = {
  description: '事实（数据来源）名称。/ Fact name.',
  enum: FACTS.map((fact) => fact.name),
  enumDescriptions: FACTS.map((fact) => fact.description['zh-CN']),
};

const operatorName: Schema = {
  description: '运算符名称。/ Operator name.',
  enum: OPERATORS.map((operator) => operator.name),
  enumDescriptions: OPERATORS.map((operator) => operator.description['zh-CN']),
};

function paramsByFact(): Schema[] {
  return FACTS.map((fact) => ({
    if: { required: ['fact'], properties: { fact: { const: fact.name } } },
    then: { properties: { params: { $ref: `#/$defs/factParams/${fact.name}` } } },
  }));
}

function valueByOperator(): Schema[] {
  return OPERATORS.map((operator) => ({
    if: { required: ['operator'], properties: { operator: { const: operator.name } } },
    then: { properties: { value: { $ref: `#/$defs/operatorValue/${operator.name}` } } },
  }));
}

const pathProperty: Schema = {
  description: '在事实值中取值的 JSON Pointer，如 /meta/fiscalYear。/ JSON Pointer into the fact value.',
  type: 'string',
  pattern: '^(/[^/]*)*$',
};

const scope: Schema = {
  description: '作用域：把规则逐一应用到每个匹配的表、行、列、单元格或数字上，每处失败各报一条问题。/ Apply the rule to every matching item; each failure is reported at its own place.',
  type: 'object',
  required: ['each'],
  additionalProperties: false,
  properties: {
    each: {
      description: '逐一应用的对象。/ What to apply the rule to.',
      enum: ['table', 'row', 'column', 'cell', 'figure', 'shareGroup', 'performanceTable', 'indicator', 'text'],
      enumDescriptions: ['每张表', '每一行', '每一列', '每个单元格（行 × 列）', '情况说明中的每个数字', '同一节中同一分母的一组占比', '每张绩效目标表', '每个绩效指标（一级、二级、三级指标与指标值）', '文档中的每段文字'],
    },
    tables: { description: '适用的报表角色；each 为 table 时省略表示全部表。/ Table roles.', type: 'array', items: { type: 'string' }, minItems: 1 },
    rows: { $ref: '#/$defs/rowSelector' },
    columns: { description: '适用的列 id；省略表示全部金额列。/ Column ids; all amount columns when omitted.', type: 'array', items: { type: 'string' }, minItems: 1 },
    texts: {
      description:
        '适用的文字（each 为 text 时）：narrative 情况说明各节、sections 其他部分与名词解释、performance 绩效目标表各栏、indicators 绩效指标、tables 报表标题表注和行名称，省略为以上全部；projects 为情况说明列举的项目名称（须明确写出）。/ Which texts; all but projects when omitted.',
      type: 'array',
      items: { enum: ['narrative', 'sections', 'performance', 'indicators', 'tables', 'projects'] },
      minItems: 1,
    },
    printed: {
      description:
        '只用于印出这些栏目的绩效目标表（each 为 performanceTable 或 indicator）：project、department、implementingUnit、attribute、period、basis、annualFunds（年度资金总额）、annualSources（年度资金的来源：中央、省级、财政拨款……）、wholeFunds、goals、indicators、indicatorLevels（指标分一级、二级、三级列示）。从 PDF 读出的表记下它印出的栏目，表式没有的栏目不算缺失；没有记录的表视为各栏都印出。/ Only forms that print these fields.',
      type: 'array',
      items: { type: 'string' },
      minItems: 1,
    },
    figures: {
      description: '适用的数字。/ Which figures.',
      type: 'object',
      additionalProperties: false,
      properties: {
        key: { description: '数字 key（或其中之一）。/ Figure key(s).', anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        kind: { description: '数字类型。/ Figure kind.', enum: ['amount', 'share', 'change', 'count'] },
        section: { description: '所在节 id。/ Section id.', type: 'string' },
      },
    },
  },
  allOf: [
    { if: { properties: { each: { enum: ['row', 'column', 'cell'] } } }, then: { required: ['tables'] } },
    { if: { properties: { each: { enum: ['figure', 'shareGroup', 'performanceTable', 'indicator', 'text'] } } }, then: { properties: { tables: false, rows: false, columns: false } } },
    { if: { properties: { each: { not: { const: 'text' } } } }, then: { properties: { texts: false } } },
    { if: { properties: { each: { not: { enum: ['performanceTable', 'indicator'] } } } }, then: { properties: { printed: false } } },
  ],
};

/** The JSON Schema of one rule, with fact and operator vocabularies from the registries. */
export function buildRuleSchema(): Schema {
  return {
    $schema: SCHEMA_DRAFT,
    $id: 'urn:disclosure-rules:schema:rule',
    title: '规则 / Rule',
    description:
      '一条规则：conditions 写“应当成立”的条件（json-rules-engine 语法：all / any / not，fact、operator、value、params、path），不成立时报告问题。/ One rule: `conditions` state what must hold; when they do not, a finding is reported.',
    $ref: '#/$defs/rule',
    $defs: {
      rule: {
        type: 'object',
        required: ['id', 'title', 'message', 'severity', 'basis', 'conditions'],
        additionalProperties: false,
        properties: {
          $schema: { type: 'string', description: '本文件所用的 JSON Schema。/ The schema of this file.' },
          id: {
            description: '规则 id：小写字母、数字和连字符，稳定不变，如 three-public-filled-or-marked。/ Stable kebab-case id.',
            type: 'string',
            pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
            errorMessage: '规则 id 只能由小写字母、数字和连字符组成，如 three-public-filled-or-marked',
          },
          title: { ...localized, description: '规则要求（一句话）。/ What the rule requires, in one line.' },
          description: { ...localized, description: '详细说明。/ Longer explanation.' },
          message: {
            ...localized,
            description:
              '问题描述，可用占位符：{actual} 实际值、{expected} 应为、{difference} 差额、{table} 表、{row} 行、{column} 列、{code} 编码、{figure} 原句、{reason} 原因。/ The finding message, with placeholders filled from the values.',
          },
          severity: { description: '严重程度：error 错误、warning 警告、info 提示。/ Severity.', enum: ['error', 'warning', 'info'] },
          basis: { description: '法规依据（文件和条款），至少一条。/ Legal basis, at least one.', type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
          tags: { description: '标签，用于筛选规则。/ Tags for selecting rules.', type: 'array', items: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } },
          code: { description: '问题代码（snake_case），默认 rule_violated。/ Finding code.', type: 'string', pattern: '^[a-z]+(_[a-z0-9]+)*$' },
          scope: { $ref: '#/$defs/scope' },
          when: { $ref: '#/$defs/topLevelCondition', description: '适用条件：不成立时本规则（对该项）不适用。/ Applicability: when false, the rule does not apply.' },
          conditions: { $ref: '#/$defs/topLevelCondition', description: '应当成立的条件；不成立即报告问题。/ What must hold; a finding when it does not.' },
          path: { description: '问题指向的位置（JSON Pointer 模板，可用 {table} {row} {column} {performance} {indicator}）。省略时指向失败的值。/ Where findings point.', type: 'string', pattern: '^(/[^/]*)*$' },
          cases: { description: '规则的通过与不通过用例（见 cases.schema.json）。/ The rule\'s cases.' },
        },
      },
      localized,
      rowSelector,
      scope,
      topLevelCondition: {
        description: '顶层条件：all（全部成立）、any（任一成立）或 not（不成立）之一。/ One of all, any or not.',
        $ref: '#/$defs/condition',
        oneOf: [{ type: 'object', required: ['all'] }, { type: 'object', required: ['any'] }, { type: 'object', required: ['not'] }],
      },
      condition: {
        description:
          '条件：all / any / not 组合，或一个比较（fact 的值与 value 按 operator 比较）。/ A combination (all, any, not) or a comparison of a fact value with `value`.',
        type: 'object',
        additionalProperties: false,
        properties: {
          all: { type: 'array', items: { $ref: '#/$defs/condition' }, minItems: 1, description: '全部成立。/ All must hold.' },
          any: { type: 'array', items: { $ref: '#/$defs/condition' }, minItems: 1, description: '任一成立。/ Any must hold.' },
          not: { $ref: '#/$defs/condition', description: '不成立。/ Must not hold.' },
          fact: { $ref: '#/$defs/factName' },
          operator: { $ref: '#/$defs/operatorName' },
          value: { description: '比较的值：常量，或 {"fact": …} 引用另一个事实。/ A constant or a fact reference.' },
          params: { description: '事实的参数。/ Fact params.', type: 'object' },
          path: pathProperty,
          name: { description: '条件名称（可选）。/ Optional name.', type: 'string' },
          ifMissing: {
            enum: ['skip'],
            description:
              'skip：这一项比较所需的表、行、列或数字文档中没有（未印出或未能可靠读取）时跳过它，其余比较照常核对；只用于规则 conditions 顶层 all 之下的比较。全部比较都被跳过时规则不适用。/ skip: when the table, row, column or figure this comparison needs is not in the document (not printed, or not read reliably), skip it and check the others; only on comparisons directly under the top-level all of `conditions`. A rule whose comparisons are all skipped is not applicable.',
          },
        },
        if: { type: 'object', required: ['fact'] },
        then: {
          required: ['operator', 'value'],
          properties: { all: false, any: false, not: false },
          allOf: [...paramsByFact(), ...valueByOperator()],
        },
        else: {
          oneOf: [{ type: 'object', required: ['all'] }, { type: 'object', required: ['any'] }, { type: 'object', required: ['not'] }],
          properties: { operator: false, value: false, params: false, path: false, ifMissing: false },
        },
      },
      factReference: {
        description: '引用另一个事实作为比较值。/ Another fact as the value to compare with.',
        type: 'object',
        required: ['fact'],
        additionalProperties: false,
        properties: {
          fact: { $ref: '#/$defs/factName' },
          params: { description: '事实的参数。/ Fact params.', type: 'object' },
          path: pathProperty,
        },
        allOf: paramsByFact(),
      },
      factName,
      operatorName,
      factParams: factParamsSchemas(),
      operatorValue: operatorValueSchemas(),
    },
  };
}

/** The JSON Schema of a rule set (manifest, with its rules inline or in separate files). */
export function buildRuleSetSchema(): Schema {
  return {
    $schema: SCHEMA_DRAFT,
    $id: 'urn:disclosure-rules:schema:rule-set',
    title: '规则包 / Rule set',
    description: '规则包：清单（id、版本、标题、适用文档类型）和规则。规则可直接写在 rules 中，也可在同一目录下以 *.rule.json 文件存放。/ A rule set: its manifest and its rules, inline or as *.rule.json files beside it.',
    type: 'object',
    required: ['id', 'version', 'title'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: '本文件所用的 JSON Schema。/ The schema of this file.' },
      id: { description: '规则包 id。/ Rule-set id.', type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
      version: { description: '版本号（语义化版本）。/ Semantic version.', type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$' },
      title: { ...localized, description: '规则包标题。/ Title.' },
      description: { ...localized, description: '说明。/ Description.' },
      documentKinds: {
        description: '适用的文档类型。/ Document kinds it applies to.',
        type: 'array',
        items: { enum: ['department-budget', 'unit-budget', 'department-final-accounts', 'unit-final-accounts'] },
      },
      rules: { description: '规则（按求值顺序）。/ The rules, in order.', type: 'array', items: { $ref: 'urn:disclosure-rules:schema:rule' } },
    },
  };
}
