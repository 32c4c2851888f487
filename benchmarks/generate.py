"""Generated government-style documents for the benchmarks (deterministic per seed).

They mix the shapes the pipeline meets: notices with addressees, penalty decisions with a
party's ID and phone, subsidy lists in table-like lines, minutes, and 文号/索引号/amounts that
must not be flagged.
"""

from __future__ import annotations

import random

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文辉志强海燕晓东国庆"
PLACES = ["东丽区", "西青区", "津南区", "北辰区", "武清区", "宝坻区", "滨海新区", "宁河区"]
ORGS = ["市场监督管理局", "生态环境局", "住房和城乡建设委员会", "民政局", "卫生健康委员会"]


def _id_number(rng: random.Random) -> str:
    body = f"1201{rng.randint(10, 99)}{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}"
    body += f"{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randint(0, 999999999):09d}"


def _paragraph(rng: random.Random) -> str:
    org = rng.choice(ORGS)
    place = rng.choice(PLACES)
    kind = rng.randrange(5)
    year, month, day = rng.randint(2015, 2023), rng.randint(1, 12), rng.randint(1, 99)
    if kind == 0:
        return (
            f"当事人{_name(rng)}，公民身份号码{_id_number(rng)}，"
            f"住{place}某街道{day}号，联系电话{_mobile(rng)}。"
            f"经查，当事人于{year}年{month}月在{place}经营过程中存在违法行为，"
            f"依据《中华人民共和国行政处罚法》第二十八条，"
            f"决定处以罚款人民币{rng.randint(1000, 99999)}.00元。"
        )
    if kind == 1:
        rows = "\n".join(
            f"{i}\t{_name(rng)}\t{place}\t{rng.randint(300, 1500)}元" for i in range(1, 6)
        )
        return f"序号\t姓名\t所在区\t补助金额\n{rows}\n"
    if kind == 2:
        serial = rng.randint(1, 999)
        return (
            f"各区人民政府，市政府各委、办、局：为进一步做好{place}城市更新工作，"
            f"经市人民政府同意，现就有关事项通知如下。"
            f"索引号：000014349/{year}-{serial:05d}，文号津政办发〔{year}〕{month}号。"
            f"请各单位认真贯彻落实，有关问题请与{org}联系，"
            f"咨询电话022-{rng.randint(20000000, 29999999)}，或拨打12345热线。"
        )
    if kind == 3:
        return (
            f"会议听取了{org}关于{place}有关工作情况的汇报，研究讨论了下一步工作安排。"
            f"会议认为，要坚持以人民为中心的发展思想，统筹推进各项工作，确保取得实效。"
        )
    return (
        f"{year}年全市实现地区生产总值{rng.randint(10000, 20000)}.{day}亿元，"
        f"比上年增长{month % 9 + 1}.{day % 10}%。"
        f"{place}完成固定资产投资{rng.randint(100, 999)}亿元。"
    )


def generate_documents(n: int, seed: int = 7, paragraphs: int = 12) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        title = (
            f"关于{rng.choice(PLACES)}{rng.choice(['城市更新', '行政处罚', '社会救助'])}工作的通知"
        )
        body = "\n".join(_paragraph(rng) for _ in range(paragraphs))
        docs.append(f"{title}\n津政发〔2023〕{i + 1}号\n{body}\n天津市人民政府\n2023年6月12日\n")
    return docs
