"""姓名 (PERSON) named by its context: 申请人张伟, 姓名：欧阳明远, 张伟先生, 张伟等3人.

The trained NER finds names anywhere; this rule is for the places where the document says
outright that a name follows (a party to the case, 姓名, 户主 …) or precedes (先生, 女士,
同学, 等N人, "，男，", "（身份证号码…"), or where a name alone on its line opens a letter
("张伟：" then a line end). There a rule is both surer and exact about the span.

The span is the name alone: context words are matched by look-arounds (Presidio runs
patterns with the ``regex`` module, which allows variable-width look-behinds). A name is a
known surname (compound first: 欧阳, 诸葛 …) and one or two more Hanzi; a minority name with
a middle dot (米热古丽·依明); or two Tibetan name elements (次仁卓玛). Chinese has no spaces,
so where the name stops is the hard part. The second given-name character is taken only if
it is not a word that usually follows a name (于, 在, 因, 等, 的, 性别, 男, 身份证, 房屋,
同志 …): "申请人张伟于2020年" gives 张伟, "申请人王建国不服" gives 王建国. A rare third one
(黄祥鑫帅) is taken only when punctuation follows it. Pseudonyms (张某, 李某某, 王××), a
surname with a title (王女士, 李局长), historical figures (孙中山先生) and words that begin
with a surname (申请人应当…, 当事人陈述…) are not names. The name is matched atomically, so a
candidate followed by 市, 县, 公司 … (张家口市, 叶开泰药业有限公司) is dropped, not shortened.

Officials' roles (询问人, 执法人员, 局长 …) are deliberately not context words here: the NER
finds those names and ``gkreview.redact.public_role`` decides whether they are kept.
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from gkreview.redact.public_role import OFFICIAL_TITLES
from gkreview.redact.recognizers._common import REGEX_FLAGS
from gkreview.redact.recognizers.surnames import (
    COMPOUND_SURNAMES,
    FAMOUS_NAMES,
    SINGLE_SURNAMES,
    TIBETAN_NAME_PARTS,
)

ENTITY = "PERSON"

# Words that say a (private) person's name follows: parties, applicants, the deceased …
# Officials' roles (询问人, 记录人, 执法人员) are deliberately not here.
CONTEXT_WORDS: tuple[str, ...] = (
    "申请人", "被申请人", "申请执行人", "被执行人", "当事人", "户主", "信访人", "来信人",
    "来访人", "投诉人", "被投诉人", "举报人", "被举报人", "被征收人", "被拆迁人", "原告",
    "被告", "被告人", "上诉人", "被上诉人", "申诉人", "被申诉人", "第三人", "被询问人",
    "被调查人", "被检查人", "被处罚人", "违法行为人", "法定代表人", "委托代理人",
    "委托诉讼代理人", "诉讼代理人", "联系人", "监护人", "被监护人", "受害人", "被害人",
    "嫌疑人", "犯罪嫌疑人", "罪犯", "死者", "患者", "姓名", "姓 名", "权利人", "受送达人",
    "代收人", "见证人", "证人", "在场人", "申报人", "承包方代表", "救助对象", "受助人", "户名",
    "村民", "居民", "农户", "我叫", "名叫", "相对人", "相对人名称", "处罚对象",
    "其父", "其母", "其妻", "其夫", "其子", "其女", "父亲", "母亲", "配偶", "丈夫", "妻子",
    "儿子", "女儿", "本人", "之子", "之女", "之妻", "之夫", "之父", "之母", "家属",
    "律师", "矫正对象", "职工", "学生", "幼儿", "病人", "伤者",
    # Meeting roles only as line headers with a colon (参加仲裁 is no roster); the text is
    # width-folded, so the colon may be either form.
    "主持:", "参加:", "出席:", "列席:", "主持：", "参加：", "出席：", "列席：",
    # People acting for an agency are names too (the public-role rule then keeps them).
    *OFFICIAL_TITLES,
)  # fmt: skip

_HAN = r"\p{Han}"
_SINGLE = "[" + "".join(sorted(SINGLE_SURNAMES)) + "]"
_COMPOUND = "(?:" + "|".join(sorted(COMPOUND_SURNAMES, key=lambda s: (-len(s), s))) + ")"

# Right after the surname, these make it a title, an honorific or a pseudonym, not a name.
_NOT_A_GIVEN_NAME = (
    "某", "氏", "先生", "女士", "小姐", "同志", "同学", "老人", "老师", "师傅", "大爷", "大妈",
    "阿姨", "书记", "主任", "主席", "委员", "经理", "总经理", "律师", "医生", "警官", "法官",
    "局长", "处长", "科长", "厅长", "部长", "所长", "站长", "院长", "校长", "队长", "组长",
    "县长", "市长", "区长", "镇长", "乡长", "村长", "副",
)  # fmt: skip

# Words that start with a surname character but are not names ("当事人陈述、申辩"). 应 is a
# surname, but rare, while "当事人应…" is everywhere.
BLOCKED_WORDS: tuple[str, ...] = (
    "应当", "应该", "应予", "应按", "应在", "应于", "应向", "应依", "应将", "陈述", "申请",
    "申辩", "申诉", "申报", "申领", "于是", "于本", "高度", "安全", "文明", "万元", "林业",
    "向阳", "常务", "江南", "程序", "方案", "任务", "管理", "金额", "余额", "石材", "龙头",
    "史料", "周边", "何时", "何种", "何地", "黄金", "马路", "毛收入", "经查", "经审", "经调",
    "经核", "经研", "经本", "经营", "经过", "经济", "经批", "经依", "曾经", "家庭", "家属",
    "家中", "关于", "关系", "相关", "相应", "党员", "国家", "国有", "全部", "全体", "全家",
    "全额", "双方", "常住", "常年", "司法", "居住", "居民", "法定", "法律", "代理", "代表",
    "付款", "计划", "时间", "明确", "明知", "平方", "和解", "能否", "公司", "公民", "公告",
    "公示", "公开", "通过", "通知", "包括", "原告", "原审", "原任", "原因", "原籍", "原系",
    "原为", "但是", "由于", "位于", "信访", "门前", "区域", "农村", "农民", "农户", "金融",
    "房屋", "车辆", "路段", "成年", "成员", "成立", "向本", "向其", "向我", "向你", "向该",
    "向法", "向人", "向县", "向市", "向区", "向镇", "向乡", "向有", "向所", "向上", "向社",
    "东方红", "南方", "西方", "北方", "上述", "上诉", "司机", "师生", "章程", "华侨",
    "任何", "任意", "任职", "任免", "时任", "有关", "有限", "福利", "利害", "利益", "万一",
    "解除", "解决", "于法", "于情", "和平", "平时", "后来", "后经", "后因", "后于",
    "商户", "商业", "商品", "养殖", "养老", "查明", "查处", "查封", "干部", "干涉",
    "单位", "左右", "车主", "山林", "林地", "谷物", "宣传", "从事", "从未",
    "都是", "都有", "都不", "能够", "苗木", "水田", "水库", "田地", "宅基", "容积",
    "广场", "广告", "钱款", "孙子", "孙女", "祖父", "祖母", "养子", "养女", "支付", "支出",
    "支持", "支部", "井下", "巴士", "年满", "年龄", "甘愿", "应",
    "费用", "方式", "方法", "方面", "项目", "安排", "简介", "简况", "简要", "包装", "贺信",
    "贺电", "明细", "成果", "成效", "成绩", "成本", "经费", "经验", "经办", "合计", "时限",
    "严格", "严重", "严禁", "杜绝", "范围", "程度", "余下", "全面", "全年", "全县", "全市",
    "全区", "全镇", "全乡", "全村", "全省", "全国", "全力", "全程", "于某",
    # kinship words are context words, never the start of a name (申请人母亲阮桂芝)
    "母亲", "父亲", "丈夫", "妻子", "儿子", "女儿", "配偶", "胞弟", "胞妹", "胞兄", "胞姐",
    # what follows 本人 in a statement (本人承诺, 本人签字) is no name
    "承诺", "签字", "签名", "同意", "保证", "声明", "确认", "知悉", "愿意", "符合", "于",
    "党委", "党组", "党工委", "党支部", "党总支",
    *sorted(FAMOUS_NAMES),
)  # fmt: skip

# Never the first given-name character: function words, pronouns, units, 某.
_STOP_FIRST = (
    "某于在因等的之与及或对将把被由从到已未不没均都也是系称所即则并又还仍就曾现住男女性身诉人说讲氏各第"
    "本该其此我你他她您们个名号〇零市县区省州镇乡"
)
# Never the second one (the name's third character): those, and words that follow a name.
_STOP_SECOND = _STOP_FIRST + "和向自为任原反位签陪提户出侵阻各村镇乡屯寨"
# Words that follow a name; their first character may also end a name, so they are words.
FOLLOW_WORDS: tuple[str, ...] = (
    "同志", "同学", "同村", "同意", "同组", "先生", "女士", "老人", "老师", "房屋", "来信",
    "来访", "来电", "主持", "主任", "申请", "申辩", "申报", "申诉", "夫妇", "夫妻", "一家",
    "一户", "一案", "一行", "二人", "两人", "三人", "生于", "生前", "诉称", "辩称", "述称",
    "签名", "书记", "局长", "县长", "镇长", "乡长", "村长", "组长", "委员", "负责", "户籍",
    "妻子", "丈夫", "儿子", "女儿", "父亲", "母亲", "之妻", "之夫", "配偶", "亲属", "承包",
    "联系", "电话", "手机", "住址", "名下", "所有", "拥有", "持有", "擅自", "涉嫌",
    "强行", "未经", "私自", "非法", "违法", "违规", "家住", "家属", "家庭", "家中", "家人",
    "家的", "家房", "家门", "家里", "来到", "独任", "挪用", "相邻", "买卖", "打零工", "抓好",
    "财产", "拒不", "拒绝", "逾期", "作出", "给予", "介绍", "提交", "递交",
)  # fmt: skip
# A name is never followed straight by these (张家口市, 王府井, 李宁公司 …): dropped, not cut.
_NOT_AFTER_NAME = (
    "[某×*＊市县区镇乡村省州路街厂店族]", "公司", "集团", "有限", "合作社", "医院", "学校",
    "中学", "小学", "大学", "幼儿园", "大道", "商行", "工作室", "家庭农场", "街道", "社区",
    # 墨江哈尼族自治县, a 小区 and its building number (金桂雅居28-2-2102)
    r"\p{Han}?族", r"[居苑园府庭舍][0-9０-９]", "丽舍", "雅居", "雅苑", "花园", "家园", "公馆",
    "华府", "名苑", "山庄", "公寓", "大厦", "小区", "新村",
)  # fmt: skip
NOT_AFTER_NAME = _NOT_AFTER_NAME  # for spans found by others (the model), checked on the full text


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    """Longest first, so that a word is never cut short by a prefix of it."""
    return "(?:" + "|".join(sorted(set(words), key=lambda w: (-len(w), w))) + ")"


_GIVEN_FIRST = f"(?![{_STOP_FIRST}]){_HAN}"
_GIVEN_SECOND = f"(?!{_alternation(FOLLOW_WORDS)})(?![{_STOP_SECOND}]){_HAN}"
# A rare third given-name character (黄祥鑫帅): only when punctuation, a space or a digit
# follows it, never a further Hanzi.
# Never a place's or an estate's last character (家圩村, 金桂雅居28).
_GIVEN_THIRD = "(?![村庄镇乡屯寨居苑园府庭舍湾])" + _GIVEN_SECOND + f"(?!{_HAN})"
# A minority name with a middle dot: parts of up to 6 Hanzi. They are transliterations (阿不都拉,
# 买买提), so only real function words and words that follow a name end them.
_DOTTED_STOP = "于在因等的与和及或对向将把被系称诉反侵阻位未已没擅私曾现住男女性身"
_DOTTED = (
    f"(?:(?![{_DOTTED_STOP}人]){_HAN}){{1,6}}[·•・‧.]"
    f"(?:(?!{_alternation(FOLLOW_WORDS)})(?![{_DOTTED_STOP}]){_HAN}){{1,6}}"
)
_TIBETAN = _alternation(sorted(TIBETAN_NAME_PARTS)) + "{2}"
# Organisations and places that begin like a name (叶开泰药业有限公司, 华池县…): the Hanzi run
# after the candidate ends in one of these.
_ORG_TAIL = (
    "公司", "集团", "厂", "商行", "商店", "店", "经营部", "合作社", "农场", "大舞台", "麻辣烫",
    "中心", "局", "委员会", "政府", "协会", "银行", "医院", "学校", "酒店", "超市", "门市部",
    "号", "堂", "馆", "坊", "铺",
)  # fmt: skip
# Tested from the candidate's first character: a run of 2–12 Hanzi that ends in one of them.
_NOT_AN_ORG = f"(?!{_HAN}{{2,12}}?{_alternation(_ORG_TAIL)}(?!{_HAN}))"
NOT_AN_ORG = _NOT_AN_ORG  # for spans found by others, checked on the full text

# One full name, matched atomically (a rejected candidate is not retried shorter). A name
# that starts with a compound surname is never re-read as a single surname (东方女士).
NAME = (
    _NOT_AN_ORG
    + "(?>"
    + _DOTTED
    + "|"
    + _TIBETAN
    + "|"
    + f"(?!{_alternation(BLOCKED_WORDS)})"
    + f"(?:{_COMPOUND}|(?!{_COMPOUND}){_SINGLE})"
    + f"(?!{_alternation(_NOT_A_GIVEN_NAME)})"
    + "(?![〇零一二三四五六七八九十]{2})"
    + _GIVEN_FIRST
    + f"(?:{_GIVEN_SECOND}(?:{_GIVEN_THIRD})?)?"
    + ")"
    + f"(?!{_alternation(_NOT_AFTER_NAME)})"
)

# After the context word: an optional (原审被告)-style qualifier, a colon, spaces; names in a
# 、-list after the context word all count (被征地农户张三、李四).
_QUALIFIER = r"(?:[(（][^()（）\n]{1,10}[)）])?"
_AFTER_CONTEXT = (
    f"(?<={_alternation(CONTEXT_WORDS)}{_QUALIFIER}[:：]?[ \\t]*(?:{NAME}[ \\t]*、[ \\t]*)*)" + NAME
)

# Before: 先生, 女士, 老人, 同学, 同志, 等N人 (possibly after a 、-list of names),
# （身份证号码：…）, the sex or the age in a description (张伟，男，… / 张伟（女，…） /
# 张伟，今年72岁), a birth year in brackets (张伟（1931.9）), the unit in brackets
# (张伟（县财政局）), the household's house (张伟户正房三间) and a date (张伟于2015年).
_SUFFIX_WORDS = (
    r"(?:先生|女士|老人|同学|同志|等[0-9一二三四五六七八九十两几]{1,3}[人名户位]"
    r"|[(（](?:公民)?身份(?:证|号码)"
    r"|[,，(（][ \t]*[男女][ \t]*[,，、)）]"
    # a birth year or month in brackets (1931.9) (1932年生) (58年1月生), or the age
    r"|[(（][0-9]{2,4}(?:年|[.．])?(?:[0-9]{1,2}月?)?(?:生|出生)?[)）]"
    r"|[,，(（][ \t]*(?:今年|现年)?[0-9一二三四五六七八九十]{1,3}周?岁"
    # the household's house or land (王五户正房三间), the unit in brackets (县财政局)
    r"|户(?:正房|平房|楼房|瓦房|砖房|房屋|住宅|宅基地|承包|土地|共有)"
    r"|[(（][^()（）\n]{1,20}?(?:局|委|办|政府|中心|院|所|站|公司|街道|乡|镇|村|部|处|科|队)"
    r"[^()（）\n]{0,10}[)）]"
    # what a person did on a date (张三于2015年), or is asked to do in time (请张三于十日内)
    r"|于(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年"
    r"|于[0-9〇零一二三四五六七八九十]{1,3}(?:个工作日|日)内|于收到"
    # a party refusing or failing (因张三拒不履行 / 逾期未缴纳), a decision on a person
    # (对张三作出处罚), an introduction (经张三介绍)
    r"|拒不|拒绝|逾期未|作出(?:罚款|警告|行政|处罚|如下|拘留)|介绍[,，、]|介绍(?:双方|认识)"
    r"|给予(?:警告|罚款|行政|处分|记过|处罚)|处以|提交的|提出的|递交的"
    r"|未按(?:期|时|规定|要求)|于公告|申请[,，]|同意[,，]"
    r"|的(?:陈述|证言|申请|举报|投诉|信访|反映|说明|供述)"
    r"|系(?:初次|首次|本村|本组|本市|本县|本镇|本乡|本单位|夫妻|父子|父女|母子|母女)"
    # an applicant at the start of a sentence (张三向本机关申请…)
    r"|向(?:本|我)(?:机关|局|院|委|办|府|厅|部|单位|所|中心))"
)
# What may stand right before such a name: not a Hanzi, or a word that ends a phrase.
LEFT_WORDS: tuple[str, ...] = (
    "致", "向", "对", "给", "与", "和", "及", "同", "请", "由", "经", "是", "为", "了", "的", "因",
    "将", "把", "被", "让", "叫", "据", "即", "系", "其", "有", "感谢", "邀请", "慰问",
    "看望", "走访", "关于", "以及", "其中", "收到", "根据", "鉴于", "对于",
    "村民", "居民", "学生", "农户", "群众", "市民",
)  # fmt: skip
_BEFORE_SUFFIX = (
    f"(?:(?<!{_HAN})|(?<={_alternation(LEFT_WORDS)}))"
    + NAME
    + f"(?=(?:[ \\t]*、[ \\t]*{NAME})*{_SUFFIX_WORDS})"
)


# A sentence that opens with a person's name and what the person says, does or suffers
# (王五称…, 王五不服…, 王五长期患病…): the name stands right after a line start or a
# sentence's punctuation, and one of these follows it.
_SUBJECT_VERBS = (
    "称", "诉称", "辩称", "不服", "认为", "表示", "要求", "承认", "反映", "自愿", "主动",
    "长期", "因病", "患有", "现年", "今年", "家住", "现住", "驾驶", "对事实", "对上述",
)  # fmt: skip
_SENTENCE_SUBJECT = (
    "(?<=(?:^|[。；;，,：:！？!?\n])[ \t]*(?:该案中[,，])?)"
    + NAME
    + f"(?={_alternation(_SUBJECT_VERBS)})"
)

# A letter's addressees: names alone at the start of a line, then a colon and a line end.
_SALUTATION = f"(?<=(?:^|\\n)[ \\t]*(?:{NAME}、)*)" + NAME + f"(?=(?:、{NAME})*[:：][ \\t]*\\r?\\n)"


# To name the context word of a result in its explanation.
_CONTEXT_WORD = re.compile(_alternation(CONTEXT_WORDS))
_SUFFIX_WORD = re.compile("先生|女士|老人|同学")


class CnPersonContextRecognizer(PatternRecognizer):
    """Names after a context word (0.9), before 先生/女士/老人/同学/等N人 or as a letter's
    addressee ("张伟：" alone on its line, 0.85)."""

    COUNTRY_CODE = "cn"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("CN name after a context word", _AFTER_CONTEXT, 0.9),
        Pattern("CN name before 先生/女士/等N人, the sex or an ID", _BEFORE_SUFFIX, 0.85),
        Pattern("CN name as a letter's addressee", _SALUTATION, 0.85),
        Pattern(
            "CN name opening a sentence, before what the person says or does",
            _SENTENCE_SUBJECT,
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "申请人", "当事人", "户主", "信访人", "投诉人", "举报人", "征收人", "原告", "被告",
        "上诉人", "第三人", "代表人", "代理人", "联系人", "监护人", "受害人",
        "嫌疑人", "死者", "患者", "姓名", "先生", "女士", "同学",
    ]  # fmt: skip

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        supported_entity: str = ENTITY,
        name: str = "CnPersonContextRecognizer",
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=[Pattern(p.name, p.regex, p.score) for p in (patterns or self.PATTERNS)],
            context=list(context or self.CONTEXT),
            global_regex_flags=REGEX_FLAGS,
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: object = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:  # name the word that made it a name, for the explanation
            before = _CONTEXT_WORD.findall(text, max(0, result.start - 40), result.start)
            after = _SUFFIX_WORD.match(text, result.end)
            word = before[-1] if before else after.group() if after else None
            if word and result.analysis_explanation is not None:
                result.analysis_explanation.set_supportive_context_word(word)
                result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = (
                    True
                )
        return results
