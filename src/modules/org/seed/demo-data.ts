import type { CommitteeLevel } from '../committees/committee.commands.js';

/** The demo committees (DOMAIN.md): codes are fixed points used by `--committee`. */
export interface DemoCommittee {
  code: string;
  name: string;
  shortName: string;
  level: CommitteeLevel;
  parent: string | null;
  region: string;
  term: number;
  termStart: string;
  sessionsHeld: number;
  members: number;
  unitPrefix: string;
}

// Term numbers: 甘肃省政协 第十三届 (2023), 定西市政协 第五届 (2022), 金昌市政协 第十届 (2022);
// the county terms are plausible values, to be corrected by each county in its own settings.
export const DEMO_COMMITTEES: DemoCommittee[] = [
  { code: 'gansu', name: '中国人民政治协商会议甘肃省委员会', shortName: '甘肃省政协', level: 'province', parent: null, region: '甘肃省', term: 13, termStart: '2023-01-12', sessionsHeld: 4, members: 0, unitPrefix: '甘肃省' },
  { code: 'dingxi', name: '中国人民政治协商会议定西市委员会', shortName: '定西市政协', level: 'city', parent: 'gansu', region: '定西市', term: 5, termStart: '2022-01-08', sessionsHeld: 5, members: 350, unitPrefix: '定西市' },
  { code: 'anding', name: '中国人民政治协商会议定西市安定区委员会', shortName: '安定区政协', level: 'county', parent: 'dingxi', region: '安定区', term: 9, termStart: '2021-12-20', sessionsHeld: 5, members: 120, unitPrefix: '安定区' },
  { code: 'tongwei', name: '中国人民政治协商会议通渭县委员会', shortName: '通渭县政协', level: 'county', parent: 'dingxi', region: '通渭县', term: 10, termStart: '2021-12-22', sessionsHeld: 5, members: 120, unitPrefix: '通渭县' },
  { code: 'longxi', name: '中国人民政治协商会议陇西县委员会', shortName: '陇西县政协', level: 'county', parent: 'dingxi', region: '陇西县', term: 10, termStart: '2021-12-24', sessionsHeld: 5, members: 120, unitPrefix: '陇西县' },
  { code: 'weiyuan', name: '中国人民政治协商会议渭源县委员会', shortName: '渭源县政协', level: 'county', parent: 'dingxi', region: '渭源县', term: 10, termStart: '2021-12-21', sessionsHeld: 5, members: 120, unitPrefix: '渭源县' },
  { code: 'lintao', name: '中国人民政治协商会议临洮县委员会', shortName: '临洮县政协', level: 'county', parent: 'dingxi', region: '临洮县', term: 10, termStart: '2021-12-23', sessionsHeld: 5, members: 120, unitPrefix: '临洮县' },
  { code: 'zhangxian', name: '中国人民政治协商会议漳县委员会', shortName: '漳县政协', level: 'county', parent: 'dingxi', region: '漳县', term: 10, termStart: '2021-12-20', sessionsHeld: 5, members: 120, unitPrefix: '漳县' },
  { code: 'minxian', name: '中国人民政治协商会议岷县委员会', shortName: '岷县政协', level: 'county', parent: 'dingxi', region: '岷县', term: 10, termStart: '2021-12-26', sessionsHeld: 5, members: 120, unitPrefix: '岷县' },
  { code: 'jinchang', name: '中国人民政治协商会议金昌市委员会', shortName: '金昌市政协', level: 'city', parent: 'gansu', region: '金昌市', term: 10, termStart: '2022-01-06', sessionsHeld: 5, members: 350, unitPrefix: '金昌市' },
  { code: 'jinchuan', name: '中国人民政治协商会议金昌市金川区委员会', shortName: '金川区政协', level: 'county', parent: 'jinchang', region: '金川区', term: 9, termStart: '2021-12-18', sessionsHeld: 5, members: 120, unitPrefix: '金川区' },
  { code: 'yongchang', name: '中国人民政治协商会议永昌县委员会', shortName: '永昌县政协', level: 'county', parent: 'jinchang', region: '永昌县', term: 10, termStart: '2021-12-19', sessionsHeld: 5, members: 120, unitPrefix: '永昌县' },
];

export const SECTORS_CITY: { name: string; kind: string }[] = [
  { name: '中国共产党', kind: 'party' }, { name: '民革', kind: 'party' }, { name: '民盟', kind: 'party' }, { name: '民建', kind: 'party' },
  { name: '民进', kind: 'party' }, { name: '农工党', kind: 'party' }, { name: '九三学社', kind: 'party' },
  { name: '无党派民主人士', kind: 'nonparty' }, { name: '共青团', kind: 'organisation' }, { name: '工会', kind: 'organisation' },
  { name: '妇联', kind: 'organisation' }, { name: '工商联', kind: 'organisation' }, { name: '科协', kind: 'organisation' },
  { name: '经济界', kind: 'professional' }, { name: '农业界', kind: 'professional' }, { name: '教育界', kind: 'professional' },
  { name: '科学技术界', kind: 'professional' }, { name: '文化艺术界', kind: 'professional' }, { name: '医药卫生界', kind: 'professional' },
  { name: '社会科学界', kind: 'professional' }, { name: '新闻出版界', kind: 'professional' }, { name: '体育界', kind: 'professional' },
  { name: '少数民族界', kind: 'professional' }, { name: '宗教界', kind: 'professional' },
  { name: '社会福利和社会保障界', kind: 'professional' }, { name: '特别邀请人士', kind: 'professional' },
];

export const SECTORS_COUNTY: { name: string; kind: string }[] = [
  { name: '中国共产党', kind: 'party' }, { name: '民主党派', kind: 'party' }, { name: '无党派人士', kind: 'nonparty' },
  { name: '共青团和青联', kind: 'organisation' }, { name: '工会', kind: 'organisation' }, { name: '妇联', kind: 'organisation' },
  { name: '工商联', kind: 'organisation' }, { name: '经济界', kind: 'professional' }, { name: '农业界', kind: 'professional' },
  { name: '教育界', kind: 'professional' }, { name: '医药卫生界', kind: 'professional' }, { name: '文化体育界', kind: 'professional' },
  { name: '科技界', kind: 'professional' }, { name: '宗教界', kind: 'professional' }, { name: '特邀界', kind: 'professional' },
];

export const SPECIAL_COMMITTEES = [
  '提案委员会', '经济委员会', '农业农村委员会', '社会和法制委员会', '文化文史和学习委员会', '教科卫体委员会', '人口资源环境委员会', '民族宗教委员会',
];

/** City departments that answer proposals, with their duties (职能) — used later to route proposals. */
export const CITY_UNITS: { name: string; kind: 'government' | 'party' | 'court' | 'enterprise' | 'other'; duties: string }[] = [
  { name: '教育局', kind: 'government', duties: '负责全市各级各类教育工作；学前教育、义务教育、普通高中和职业教育发展；中小学校布局调整、校舍建设与安全；教师队伍建设和教师编制、待遇；学生资助；课后服务与减负；教育督导' },
  { name: '卫生健康委员会', kind: 'government', duties: '负责全市卫生健康工作；公立医院改革；基层医疗卫生服务体系和乡村医生队伍建设；疾病预防控制；妇幼健康；老龄健康与医养结合；中医药发展；家庭医生签约服务' },
  { name: '住房和城乡建设局', kind: 'government', duties: '负责城乡建设和住房保障；老旧小区改造；保障性住房；物业管理；建筑市场监管；城市燃气、供热、供排水等市政公用设施；农村危房改造；建筑节能' },
  { name: '交通运输局', kind: 'government', duties: '负责公路、水路交通运输；农村公路建设与养护；城乡客运和公交；出租车管理；道路运输安全；物流通道建设；交通基础设施项目' },
  { name: '公安局', kind: 'government', duties: '负责社会治安；道路交通安全管理和交通秩序；户籍和身份证管理；打击电信网络诈骗；校园周边安全；消防协同' },
  { name: '民政局', kind: 'government', duties: '负责社会救助和低保；养老服务体系和养老机构；儿童福利和留守儿童关爱；残疾人福利；社区治理和村（居）民委员会建设；殡葬管理；社会组织登记' },
  { name: '文化和旅游局', kind: 'government', duties: '负责文化事业和文化产业；文物保护和非物质文化遗产；公共图书馆、文化馆；旅游景区建设和旅游市场；全域旅游；文旅融合与品牌推广' },
  { name: '水务局', kind: 'government', duties: '负责水资源管理和节约用水；农村饮水安全；水利工程建设和运行；河湖长制；水土保持；防汛抗旱；灌区改造' },
  { name: '农业农村局', kind: 'government', duties: '负责农业农村经济发展；马铃薯、中药材、草牧业等特色产业；高标准农田；农产品质量安全；农村人居环境整治；乡村振兴和巩固脱贫攻坚成果；农民合作社' },
  { name: '发展和改革委员会', kind: 'government', duties: '负责国民经济和社会发展规划；重大项目谋划和投资；价格管理；营商环境；区域协调发展；以工代赈；粮食和物资储备' },
  { name: '自然资源局', kind: 'government', duties: '负责国土空间规划；土地利用和耕地保护；不动产登记；矿产资源管理；林草资源；地质灾害防治' },
  { name: '生态环境局', kind: 'government', duties: '负责生态环境保护；大气、水、土壤污染防治；环境监测和执法；环境影响评价；固体废物和危险废物管理；中央环保督察整改' },
  { name: '人力资源和社会保障局', kind: 'government', duties: '负责就业创业；高校毕业生和农民工就业；职业技能培训；社会保险（养老、失业、工伤）；劳动关系和欠薪治理；人才引进' },
  { name: '财政局', kind: 'government', duties: '负责财政预算和资金管理；政府债务；财政补贴和转移支付；政府采购；国有资产管理' },
  { name: '市场监督管理局', kind: 'government', duties: '负责市场主体登记；食品药品安全监管；特种设备安全；产品质量；价格和反不正当竞争；知识产权；消费者权益保护' },
  { name: '工业和信息化局', kind: 'government', duties: '负责工业经济运行；中小企业发展；工业园区；数字经济和信息化；节能降耗；新材料和新能源产业' },
  { name: '商务局', kind: 'government', duties: '负责内外贸易；招商引资；电子商务和农村电商；消费促进；物流和市场体系建设' },
  { name: '科学技术局', kind: 'government', duties: '负责科技创新；科技成果转化；高新技术企业培育；科技特派员；科普工作' },
  { name: '应急管理局', kind: 'government', duties: '负责应急管理和安全生产监管；防灾减灾救灾；森林草原防火；应急救援队伍；危险化学品安全' },
  { name: '医疗保障局', kind: 'government', duties: '负责医疗保险和生育保险；医保目录和支付；医疗救助；药品和耗材集中采购；医保基金监管；异地就医结算' },
  { name: '退役军人事务局', kind: 'government', duties: '负责退役军人安置和就业创业；优抚褒扬；退役军人服务站；烈士纪念设施' },
  { name: '林业和草原局', kind: 'government', duties: '负责国土绿化和造林；天然林保护；草原生态保护；自然保护地；林业有害生物防治' },
  { name: '城市管理局', kind: 'government', duties: '负责市容环境卫生；城市生活垃圾分类和处理；城市道路照明；园林绿化；占道经营和违章建筑管理；停车管理' },
  { name: '统计局', kind: 'government', duties: '负责统计调查和统计数据发布；经济普查和人口普查' },
  { name: '审计局', kind: 'government', duties: '负责审计监督；财政收支和专项资金审计；经济责任审计' },
  { name: '司法局', kind: 'government', duties: '负责法治政府建设；普法宣传；人民调解；法律援助；公共法律服务；社区矫正' },
  { name: '体育局', kind: 'government', duties: '负责全民健身和群众体育；体育设施建设；竞技体育；体育产业和赛事' },
  { name: '乡村振兴局', kind: 'government', duties: '负责巩固拓展脱贫攻坚成果；防止返贫监测帮扶；东西部协作；易地扶贫搬迁后续扶持' },
  { name: '数据局', kind: 'government', duties: '负责数字政府建设；政务数据共享；“一网通办”政务服务；数字基础设施' },
  { name: '政务服务中心', kind: 'government', duties: '负责政务服务大厅；审批服务便民化；12345政务服务便民热线' },
  { name: '住房公积金管理中心', kind: 'government', duties: '负责住房公积金归集、提取和贷款；公积金缴存扩面' },
  { name: '残疾人联合会', kind: 'other', duties: '负责残疾人康复、教育、就业和权益保障；无障碍环境建设' },
  { name: '总工会', kind: 'other', duties: '负责职工权益维护；困难职工帮扶；劳动模范；职工服务阵地' },
  { name: '妇女联合会', kind: 'other', duties: '负责妇女儿童权益保护；家庭家教家风建设；妇女创业就业' },
  { name: '团委', kind: 'other', duties: '负责青少年工作；青年就业创业；志愿服务；少先队工作' },
  { name: '委宣传部', kind: 'party', duties: '负责宣传思想文化工作；新闻出版；精神文明建设；网络舆情' },
  { name: '委组织部', kind: 'party', duties: '负责干部队伍和人才工作；基层党组织建设' },
  { name: '中级人民法院', kind: 'court', duties: '负责审判工作；执行难问题；多元化纠纷解决；诉讼服务' },
  { name: '供电公司', kind: 'enterprise', duties: '负责电网建设和供电服务；农村电网改造；电动汽车充电设施' },
  { name: '移动公司', kind: 'enterprise', duties: '负责移动通信网络；农村和偏远地区网络覆盖；5G基站建设' },
];
