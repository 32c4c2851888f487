"""Whether a name is given in a public role (公职身份), so that it is kept, not redacted.

The names of officials acting as such — a 镇长 who chairs a meeting, the people appointed or
removed in 任免通知, the 执法人员 and 审核人 of a decision, the members of a court, a leader
list — are not private information of theirs: 《政府信息公开条例》第二十条第（二）项 lists
负责人姓名 among what an agency publishes. ``public_role`` says whether the PERSON at
``text[start:end]`` is named so, with a one-sentence reason in Chinese, or None.

It is a pure function of the text and looks only at the wording around the name:

- a title right before the name, possibly across a 、-list (镇长王建国, 局长：王建国,
  副局长：李四、王五, 审判长　张三, 执法人员：…);
- a title right after it (王建国（局长）, 王建国，县长。, 王建国（执法证号：…）);
- an appointment (任命/聘任/免去王建国…, 王建国同志任…局长, 关于王建国同志任职的通知,
  王建国，…，现任…主任科员，拟任…);
- a line that lists officials (出席：/列席：/参会人员：/记录：…, and 组长：/副组长：/成员：
  under a 领导小组 or the like);
- an honours list (表彰, 先进个人, 劳动模范, 先进工作者 …; not 见义勇为, an act of a private
  citizen);
- or another mention of the same name in the document that is one of these.

A private person is never kept: if the name follows a party word (申请人, 当事人, 被处罚人,
原告, 户主, 村民 …) here or anywhere in the document, the answer is None even when another
line names an official. 联系人 is not a public role: a contact may be anyone.
"""

from __future__ import annotations

import re

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007"
_SPACE = "[ \t\u3000]"
_COLON = "[:：]"
# One name of a 、-list: 2–4 Hanzi, or a minority name with a middle dot.
_NAMEISH = f"(?:[{_HAN}]{{1,4}}|[{_HAN}]{{1,8}}[·•・‧.][{_HAN}]{{1,8}})"
_LIST_TAIL = f"{_COLON}?{_SPACE}*(?:{_NAMEISH}(?:{_SPACE}*、{_SPACE}*|{_SPACE}+))*$"


def _alternation(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(sorted(set(words), key=lambda w: (-len(w), w))) + ")"


# Posts of officials, as written right before or after a name.
POSTS: tuple[str, ...] = (
    "县长", "市长", "区长", "镇长", "乡长", "州长", "省长", "局长", "处长", "科长", "厅长",
    "部长", "所长", "站长", "院长", "校长", "队长", "大队长", "中队长", "组长", "庭长",
    "馆长", "村长", "主任", "书记", "党委书记", "党组书记", "支部书记", "纪委书记",
    "主席", "委员", "常委", "县委常委", "负责人", "分管负责人", "主要负责人", "调研员",
    "主任科员", "科员", "巡视员", "督导员", "专员", "党组成员", "班子成员", "检察长",
    "秘书长", "指导员", "教导员", "副职", "负责同志", "主要负责同志", "分管负责同志",
)  # fmt: skip
# People who act for the agency in a procedure, or sign for it.
PROCEDURE_ROLES: tuple[str, ...] = (
    "执法人员", "检查人员", "调查人员", "询问人", "记录人", "记录员", "送达人", "承办人",
    "经办人", "办案人员", "检查人", "调查人", "勘验人", "接待人", "办案人", "审查人",
    "交通警察", "民警", "办案民警", "仲裁员", "首席仲裁员", "工作人员", "民政助理", "助理",
    "记录", "宣告人", "联系人", "主持人", "听证主持人", "拟提拔人选", "提拔人选", "拟任人选",
    "考察对象",
)  # fmt: skip
# A contact is an agency's when named so; an emergency contact is a private person's.
_PRIVATE_CONTACT = re.compile("(?:紧急|家属|亲属)联系人")
SIGNATURE_ROLES: tuple[str, ...] = ("审核人", "审批人", "批准人", "签发人", "核稿人", "拟稿人")
COURT_ROLES: tuple[str, ...] = ("审判长", "审判员", "人民陪审员", "陪审员", "书记员", "法官助理")
OFFICIAL_TITLES: tuple[str, ...] = POSTS + PROCEDURE_ROLES + SIGNATURE_ROLES + COURT_ROLES
_ROLE = _alternation(OFFICIAL_TITLES)
_ROLE_BEFORE = re.compile(f"(?P<title>副?{_ROLE}){_LIST_TAIL}")

# Words that make the name a private party's, wherever it stands in the document.
PRIVATE_CONTEXT: tuple[str, ...] = (
    "申请人", "被申请人", "当事人", "被处罚人", "违法行为人", "信访人", "来信人", "来访人",
    "投诉人", "被投诉人", "举报人", "原告", "被告", "被告人", "上诉人", "被上诉人", "申诉人",
    "第三人", "被征收人", "被拆迁人", "权利人", "户主", "受送达人", "被询问人", "被检查人",
    "被调查人", "死者", "患者", "监护人", "委托代理人", "委托诉讼代理人", "诉讼代理人",
    "村民", "居民", "农户", "家庭成员", "申报人", "见证人", "在场人", "代收人", "承包方代表",
    "我叫", "相对人", "相对人名称", "处罚对象", "拟聘用人员", "拟录用人员", "考生",
    "受害人", "被害人", "嫌疑人", "犯罪嫌疑人", "罪犯", "被执行人", "救助对象", "姓名", "证人",
)  # fmt: skip
_PRIVATE_BEFORE = re.compile(
    f"{_alternation(PRIVATE_CONTEXT)}(?:[(（][^()（）\n]{{1,10}}[)）])?{_LIST_TAIL}"
)
_PRIVATE_AFTER = re.compile(f"^(?:{_SPACE}*(?:先生|女士|同学|老人))")

# Appointments: the verb before the name, or what follows it.
_APPOINT_BEFORE = re.compile(
    f"(?P<verb>任命|聘任|聘请|免去|提名|选举|推选|任免|决定任命|拟任命){_LIST_TAIL}"
)
_APPOINT_AFTER = re.compile(
    f"^(?:{_SPACE}*(?:{_SPACE}*、{_SPACE}*{_NAMEISH})*)(?:等)?(?:同志)?(?:的)?"
    "(?:职务任免|任免|任职|兼任|不再担任|担任|调任|现任|拟任|挂任|任|为)"
)
_APPOINTMENT_NOUN = re.compile("任免|任职|职务")
# 某某同志 is how documents name cadres in appointments and inspections; but also candidates
# in a political review (政审) and residents in a certificate (兹证明…同志系…户口), privately.
_COMRADE = re.compile("同志")
_PRIVATE_COMRADE_DOCUMENT = re.compile("政审|兹证明|户口|户籍|报考|考生|拟录用|拟聘用|应聘|入学")
_POST_IN_CLAUSE = re.compile(f"(?:{_ROLE}|职务|职)")
_CURRENT_POST = re.compile(f"(?:现任|拟任|拟提名|曾任|任命为|提名为)[^。；;\n]{{0,40}}?{_ROLE}")

# Right after the name: （局长）, （…分管负责人）, （执法证号：…）, "，县长。".
_ROLE_AFTER = re.compile(
    f"^{_SPACE}*(?:[(（][^()（）\n]{{0,30}}?(?P<paren>副?{_ROLE})[)）]"
    f"|[(（](?P<badge>执法证|执法证号|证件号：?[0-9])"
    f"|[(（][^()（）\n]{{0,20}}?(?P<agency>局|委|办|厅|署|政府|人大|政协|法院|检察院|乡|镇|街道)[)）]"
    f"|[,，]{_SPACE}*[^,，。；;\n]{{0,20}}?(?P<clause>副?{_ROLE})(?=[。；;,，\n]|$))"
)

# Lines that list officials; 组长/成员 only under a leading group.
_LIST_HEADERS = (
    "出席", "列席", "参会人员", "参加人员", "参会领导", "出席领导", "与会人员", "主持",
    "主持人", "记录", "参加", "参会", "缺席", "请假", "审核", "审批", "批准", "签发", "核稿",
    "拟稿", "承办",
)  # fmt: skip
_GROUP_HEADERS = ("组长", "副组长", "成员", "常务副组长", "组员")
_LINE_HEADER = re.compile(f"^{_SPACE}*(?P<header>{_alternation(_LIST_HEADERS)}){_COLON}")
_GROUP_LINE_HEADER = re.compile(
    f"^{_SPACE}*(?:领导小组|工作小组|工作专班|指挥部)?(?P<header>{_alternation(_GROUP_HEADERS)})"
    f"{_COLON}"
)
_LEADING_GROUP = re.compile("领导小组|工作小组|工作专班|指挥部|委员会|领导班子")
_NOT_LEADING = re.compile("家庭成员|家属|户内成员|共同申请人")

_HONOURS = re.compile("表彰|先进个人|劳动模范|先进工作者|优秀共产党员|优秀党务工作者|优秀公务员")
_NOT_HONOURS = re.compile("见义勇为")

_WINDOW = 160


def _line_before(text: str, start: int) -> str:
    """The part of the name's line before it."""
    return text[max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1 : start]


# After another mention of the name: it ends there (王强 签发, not the 王强 of 王强国). What
# usually follows an official's name, or no Hanzi at all.
_AFTER_OFFICIAL = (
    "同志", "等", "主持", "出席", "陪同", "参加", "讲话", "签发", "签字", "签名", "批准", "审核",
    "审批", "带队", "率队", "调研", "视察", "指出", "强调", "要求", "提出", "宣读", "通报",
    "介绍", "汇报", "表示", "负责", "分管", "协助", "作", "说", "到", "赴", "任", "为", "的",
    "在", "于", "和", "与", "及", "兼", "（", "(",
)  # fmt: skip
_NAME_ENDS = re.compile(f"(?![{_HAN}])|{_alternation(tuple(map(re.escape, _AFTER_OFFICIAL)))}")


def _sentence_after(text: str, end: int) -> str:
    m = re.search("[。；;\n]", text[end : end + 200])
    return text[end : end + (m.start() if m else 200)]


def _is_private_here(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _WINDOW) : start]
    return bool(_PRIVATE_BEFORE.search(before) or _PRIVATE_AFTER.search(text[end : end + 4]))


def _named_privately_elsewhere(text: str, name: str) -> bool:
    for m in re.finditer(re.escape(name), text):
        if _is_private_here(text, m.start(), m.end()):
            return True
    return False


def _title_reason(title: str) -> str:
    if title in PROCEDURE_ROLES:
        return f"以{title}身份履行公务的工作人员，保留"
    if title in SIGNATURE_ROLES:
        return f"作为{title}签署公文的公职人员，保留"
    if title in COURT_ROLES:
        return f"以{title}身份履行审判职务的人员，保留"
    return f"担任{title}的公职人员以公职身份出现（第二十条第（二）项），保留"


_POST_CELL = re.compile(f"副?{_alternation(POSTS)}")


def _post_in_same_row(text: str, start: int, end: int) -> str | None:
    """In a tab-separated row, another cell that is a post (签到表: 单位 姓名 职务 电话)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    row = text[line_start : len(text) if line_end == -1 else line_end]
    if "\t" not in row:
        return None
    name = text[start:end]
    for cell in map(str.strip, row.split("\t")):
        post = _POST_CELL.search(cell) if cell != name and 2 <= len(cell) <= 12 else None
        if post is not None and post.end() == len(cell):  # the cell ends in the post
            return cell
    return None


def _local_reason(text: str, start: int, end: int) -> str | None:
    """The public role shown at this mention alone, or None."""
    before = text[max(0, start - _WINDOW) : start]
    after = text[end : end + _WINDOW]
    line_before = _line_before(text, start)

    m = _ROLE_BEFORE.search(before)
    if m and not (m.group("title") == "联系人" and _PRIVATE_CONTACT.search(before[-12:])):
        return _title_reason(m.group("title"))
    m = _ROLE_AFTER.search(after)
    if m:
        if m.group("badge"):
            return _title_reason("执法人员")
        if m.group("agency"):
            return "姓名后注明所在机关，以公职身份出现，保留"
        return _title_reason(m.group("paren") or m.group("clause"))
    if _APPOINT_BEFORE.search(before):
        return "人事任免中被任免的公职人员，保留"
    m = _APPOINT_AFTER.search(after)
    if m and (
        _APPOINTMENT_NOUN.search(m.group()) or _POST_IN_CLAUSE.search(_sentence_after(text, end))
    ):
        return "人事任免中被任免的公职人员，保留"
    post = _post_in_same_row(text, start, end)
    if post is not None:
        return f"表格同一行注明其职务“{post}”，以公职身份出现，保留"
    if _CURRENT_POST.search(_sentence_after(text, end)):
        return "任职公示中写明现任或拟任职务的公职人员，保留"
    m = _LINE_HEADER.search(line_before)
    if m:
        return f"“{m.group('header')}”名单中的公职人员以公职身份出现，保留"
    m = _GROUP_LINE_HEADER.search(line_before)
    context = text[max(0, start - 400) : start]
    if m and _LEADING_GROUP.search(context) and not _NOT_LEADING.search(line_before):
        return f"领导小组“{m.group('header')}”名单中的公职人员，保留"
    sentence_start = max(before.rfind(c) for c in "。；;\n") + 1
    sentence = before[sentence_start:] + text[start:end] + _sentence_after(text, end)
    if _HONOURS.search(sentence) and not _NOT_HONOURS.search(sentence):
        return "表彰决定中公开表彰的人员，保留"
    return None


def public_role(text: str, start: int, end: int) -> str | None:
    """Why the PERSON at ``text[start:end]`` is named in a public role, or None if not.

    A name that any line of the text gives as a private party's is never public.
    """
    name = text[start:end]
    if not name.strip() or _is_private_here(text, start, end):
        return None
    if _named_privately_elsewhere(text, name):
        return None
    reason = _local_reason(text, start, end)
    if reason is not None:
        return reason
    for m in re.finditer(re.escape(name), text):
        if m.start() == start or not _NAME_ENDS.match(text, m.end()):
            continue
        other = _local_reason(text, m.start(), m.end())
        if other is not None:
            return "同一文件另处：" + other
    # The weakest sign, taken only when no mention says more.
    if _COMRADE.match(text, end) and not _PRIVATE_COMRADE_DOCUMENT.search(text):
        return "以“同志”相称的党政干部，在任职、考察等公务语境中出现，保留"
    return None
