"""The colour of each agency type and its name in the legends: one palette for the figures and the network page."""

#: One colour per agency type (and for kept collectives).
TYPE_COLOURS = {
    "government-department": "#4C72B0",
    "directly-affiliated": "#55A868",
    "peoples-organisation": "#C44E52",
    "party-organ": "#8172B2",
    "vertically-managed": "#CCB974",
    "coordination-body": "#64B5CD",
    "collective": "#999999",
    "unresolved": "#333333",
}
#: How a legend names each type, in Chinese and English.
TYPE_NAMES = {
    "government-department": "政府组成部门 department",
    "directly-affiliated": "直属机构 directly affiliated",
    "peoples-organisation": "人民团体 people's organisation",
    "party-organ": "党委工作机关 Party organ",
    "vertically-managed": "垂直管理机构 vertical branch",
    "coordination-body": "议事协调机构 commission",
    "collective": "集合主体 collective",
    "unresolved": "未识别 unresolved",
}
