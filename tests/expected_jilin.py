"""Answers about the Jilin plan, counted by hand from the appendix of data/sources/jilin-disability-13fyp.txt.

Every value below was counted by reading the 36 rows of 重点任务分工 (the table that ends the source) and the
reference note on the agencies (../shared/reference/agencies-jilin.md), never from fengong's output. The note
under the table (line 316) makes the first listed unit of each row the lead. Task numbers are listed next to
each count so a reader can check it against the source.
"""

PLAN = "https://w3id.org/fengong/id/plan/jilin-disability-13fyp"

# Rows 1–36; units per row summed: 3+3+5+4+5+3+3+4+4+5+6+3+4+6+4+4+6+6+2+4+3+2+7+4+5+2+3+4+3+3+7+5+3+4+5+9.
TASKS = 36
ASSIGNMENTS = 153
# 30 agencies + the collective 地方各级政府.
DISTINCT_AGENTS = 31
AGENCIES = 30

# 省残联 is the first unit of rows 3 4 7 9 11 12 14 15 16 17 19 20 22 24 25 29 30 33 35 36.
CDPF_LED_TASKS = [3, 4, 7, 9, 11, 12, 14, 15, 16, 17, 19, 20, 22, 24, 25, 29, 30, 33, 35, 36]
# ... and a later unit of every other row (1 2 5 6 8 10 13 18 21 23 26 27 28 31 32 34): it is on all 36 rows.
CDPF_JOINED_TASKS = [1, 2, 5, 6, 8, 10, 13, 18, 21, 23, 26, 27, 28, 31, 32, 34]

# Leads (first unit) of the 16 rows 省残联 does not lead.
LEADS = {
    "省残联": 20,
    "省民政厅": 3,  # rows 1, 2, 28
    "省人力资源社会保障厅": 2,  # rows 5, 13
    "省住房城乡建设厅": 2,  # rows 6, 23
    "省司法厅": 2,  # rows 26, 27
    "省财政厅": 1,  # row 10
    "省教育厅": 1,  # row 18
    "省新闻出版广电局": 1,  # row 21
    "省委宣传部": 1,  # row 31
    "省发展改革委": 1,  # row 32
    "省科技厅": 1,  # row 34
    "省扶贫办": 1,  # row 8
}
DISTINCT_LEADS = 12

# Rows naming each unit (lead or participant), counted row by row; these agree with the first column of the
# reference note. Participations = rows − leads.
ROWS_NAMED = {
    "省残联": 36, "省民政厅": 21, "省财政厅": 21, "省人力资源社会保障厅": 9, "省发展改革委": 8,
    "省卫生计生委": 7, "省教育厅": 7, "省工业和信息化厅": 5, "省通信管理局": 4, "省公安厅": 3,
    "省新闻出版广电局": 3, "省文化厅": 3, "省网信办": 3, "省住房城乡建设厅": 2, "省科技厅": 2,
    "省司法厅": 2, "团省委": 2, "地方各级政府": 2, "省扶贫办": 1, "省国资委": 1, "省国税局": 1, "省地税局": 1,
    "省商务厅": 1, "省语言文字工作委员会": 1, "省体育局": 1, "省交通运输厅": 1, "省质监局": 1, "省法制办": 1,
    "省委宣传部": 1, "省妇联": 1, "省统计局": 1,
}

# Units never listed first: every unit of ROWS_NAMED not in LEADS (18 agencies and the collective).
NEVER_LEAD = sorted(set(ROWS_NAMED) - set(LEADS))
NEVER_LEAD_AGENCIES = 18

# 省民政厅 rows: 1 2 3 5 7 8 10 11 14 15 17 18 24 25 28 29 30 32 33 34 36;
# 省财政厅 rows: 1 2 3 4 5 6 7 8 9 10 12 13 14 15 16 17 18 30 32 34 36; both:
CIVIL_AFFAIRS_AND_FINANCE = [1, 2, 3, 5, 7, 8, 10, 14, 15, 17, 18, 30, 32, 34, 36]
# 省残联 shares every row of every other unit, so its heaviest pairs are its partners' row counts:
# 省民政厅 21 and 省财政厅 21.
CDPF_PAIRS = {"省民政厅": 21, "省财政厅": 21, "省人力资源社会保障厅": 9, "省发展改革委": 8}

# Units per row: 9 (row 36), 7 (rows 23, 31), 6 (rows 11, 14, 17, 18); rows with at least 6 units:
TASKS_WITH_AT_LEAST_6_UNITS = [11, 14, 17, 18, 23, 31, 36]
UNITS_ON_TASK_36 = 9

# Row 14 ends “省财政厅等”: the only open list; its units in printed order.
OPEN_TASKS = [14]
TASK_14_UNITS = ["省残联", "省卫生计生委", "省公安厅", "省人力资源社会保障厅", "省民政厅", "省财政厅"]

# 地方各级政府 closes rows 32 (5th of 5) and 36 (9th of 9).
COLLECTIVE_TASKS = {32: 5, 36: 9}

# Types from the reference note: 14 departments (民政 财政 人社 发改 卫计 教育 工信 公安 文化 住建 科技 司法 商务 交通),
# 8 directly affiliated (新闻出版广电 扶贫办 国资委 地税 体育 质监 法制办 统计),
# 3 people's organisations (残联 团省委 妇联),
# 2 Party organs (网信办 宣传部), 2 vertical branches (通信管理局 国税局), 1 commission (语委).
AGENCIES_PER_TYPE = {
    "government-department": 14, "directly-affiliated": 8, "peoples-organisation": 3,
    "party-organ": 2, "vertically-managed": 2, "coordination-body": 1,
}
# Rows whose agencies span four types (none spans five):
# 10 (dept 财政 民政, vertical 国税, direct 地税, people's 残联);
# 20 (people's, dept 教育, direct 新闻出版广电, commission 语委);
# 23 (dept, vertical 通信, Party 网信, people's);
# 31 (Party 宣传部 网信, dept 文化, direct 新闻出版广电, people's 团省委 妇联 残联);
# 35 (people's, dept 发改 工信, vertical 通信, direct 统计).
TASKS_WITH_4_TYPES = [10, 20, 23, 31, 35]
# Every row names 省残联 (people's organisation) and at least one government body: all 36 mix types.
TASKS_MIXING_TYPES = 36

# Lead → participant ties from 省残联's 20 rows:
# 省民政厅 joins 12 of them (3 7 11 14 15 17 24 25 29 30 33 36),
# 省财政厅 11 (3 4 7 9 12 14 15 16 17 30 36).
CDPF_LEADS_CIVIL_AFFAIRS = 12
CDPF_LEADS_FINANCE = 11
# Participations of agencies (153 assignments − 36 leads − 2 of the collective) = total weight of the ties.
AGENCY_PARTICIPATIONS = 115

# The 2018 reform (reference note): agency as printed → today's body.
SUCCESSORS = {
    "省卫生计生委": {"吉林省卫生健康委员会"},
    "省文化厅": {"吉林省文化和旅游厅"},
    "省新闻出版广电局": {"吉林省广播电视局", "中共吉林省委宣传部"},
    "省网信办": {"中共吉林省委网络安全和信息化委员会办公室"},
    "省国税局": {"国家税务总局吉林省税务局"},
    "省地税局": {"国家税务总局吉林省税务局"},
    "省质监局": {"吉林省市场监督管理厅"},
    "省法制办": {"吉林省司法厅"},
    "省扶贫办": {"吉林省乡村振兴局"},  # the 2021 change
}
UNCHANGED = ["省残联", "省民政厅", "省财政厅", "省教育厅", "团省委"]
# 省卫生计生委's rows, all as participant: 3 5 14 15 16 17 36.
HEALTH_COMMISSION_TASKS = [3, 5, 14, 15, 16, 17, 36]
# 省国税局 and 省地税局 are both on row 10 only.
TAX_SERVICE_TASKS = [10]

# Chapter 5: the duty kinds it names, and the yearly report to 省政府残疾人工作委员会.
DUTY_TYPES = {"local-plan", "implementation-scheme", "plan-integration", "progress-report", "supervision",
              "third-party-evaluation", "assessment", "commendation"}
REPORT_ADDRESSEE = "吉林省人民政府残疾人工作委员会"
REPORT_FREQUENCY = "每年"
ASSESSMENT_WHEN = "中期和期末"

# Task texts containing 康复 (rows 3, 15, 16, 29, 32; row 32 twice).
REHABILITATION_TASKS = [3, 15, 16, 29, 32]

# Network facts (collectives left out, the open list kept).
# 省残联 is on all 36 rows, so it shares a task with each of the other 29 agencies: degree 29.
CDPF_DEGREE = 29
# Its strength is the sum over rows of the other agencies on the row: 151 agency mentions − its own 36 = 115.
CDPF_STRENGTH = 115
# It lies on every shortest path between agencies that share no row, the most central: betweenness rank 1.
# Leadership concentration over the 30 agencies' tasks led (20, 3, 2, 2, 2, 1×7, 0×18):
# HHI = (20² + 3² + 3·2² + 7·1²) / 36² = 428 / 1296.
LEAD_HHI = 428 / 1296
# Gini, sorted form 2·Σ i·x_(i) / (n·Σx) − (n+1)/n with n = 30, Σx = 36 and Σ i·x_(i) = (19+…+25)·1 +
# (26+27+28)·2 + 29·3 + 30·20 = 154 + 162 + 87 + 600 = 1003: 2006/1080 − 31/30 = 890/1080.
LEAD_GINI = 890 / 1080
