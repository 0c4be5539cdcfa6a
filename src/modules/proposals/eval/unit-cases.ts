import { CITY_UNITS } from '../../org/index.js';
import { EVAL_DOCS, EXPECTED_LEAD } from './documents.js';

/**
 * A labelled set for unit suggestion against the demo's real 定西 departments (CITY_UNITS in
 * org/seed/demo-data.ts: 40 units with duty texts written from their 三定 summaries, not
 * from these proposals): (proposal text → the unit a proposal office would make lead, 主办).
 *
 * Two parts: every document of the duplicate-detection set with its matter's lead (the name
 * mapped to 定西's list), and cases written for the departments that set does not reach
 * (城市管理局, 应急管理局, 林业和草原局, 司法局, 退役军人事务局, 供电公司 …), which are where a
 * word-overlap suggestion is most likely to go wrong. `alsoRight` are units an office could
 * reasonably choose instead; the headline figure counts only `lead`.
 */
export interface UnitCase {
  id: string;
  text: string;
  lead: string;
  alsoRight?: string[];
}

const strip = (n: string) => n.replace(/^市/, '');

const WRITTEN: UnitCase[] = [
  { id: 'u.garbage', lead: '城市管理局', text: '关于加快推进城区生活垃圾分类的建议。城区生活垃圾混装混运，分类投放设施不足，建议完善分类收集转运体系，建设餐厨垃圾处理厂。' },
  { id: 'u.streetlights', lead: '城市管理局', text: '关于解决背街小巷路灯不亮问题的建议。老城区多条背街小巷路灯损坏多年无人维修，夜间出行不便，建议将背街小巷照明纳入城市道路照明统一管护。' },
  { id: 'u.vendors', lead: '城市管理局', alsoRight: ['商务局'], text: '关于规范城区占道经营设置便民摊点的提案。早市和夜市占道经营影响通行，建议划定便民疏导点，规范流动摊贩经营时间和区域。' },
  { id: 'u.parks', lead: '城市管理局', alsoRight: ['住房和城乡建设局'], text: '关于增加城区口袋公园和绿地的建议。城区人均公园绿地面积偏低，建议利用边角地建设口袋公园，提升园林绿化管养水平。' },
  { id: 'u.mines', lead: '应急管理局', text: '关于加强非煤矿山和危险化学品企业安全生产监管的建议。部分企业安全投入不足，隐患排查流于形式，建议开展安全生产专项整治，强化执法检查。' },
  { id: 'u.forestfire', lead: '应急管理局', alsoRight: ['林业和草原局'], text: '关于加强春季森林草原防火工作的提案。春季干旱少雨，上坟烧纸和农事用火引发火情，建议配齐基层防火物资，组建半专业扑火队伍，加强巡查。' },
  { id: 'u.disaster', lead: '应急管理局', alsoRight: ['自然资源局'], text: '关于提升基层防灾减灾救灾能力的建议。暴雨冰雹等灾害多发，乡镇应急物资储备不足，建议建设乡镇应急物资储备点，开展应急演练。' },
  { id: 'u.afforest', lead: '林业和草原局', text: '关于推进干旱山区国土绿化造林的建议。我市干旱少雨，造林成活率低，建议推广抗旱造林技术，选用适生树种，落实造林后管护责任。' },
  { id: 'u.grassland', lead: '林业和草原局', text: '关于加强草原生态保护修复的提案。部分草原退化沙化，超载过牧问题仍然存在，建议落实草原禁牧和草畜平衡，实施退化草原修复工程。' },
  { id: 'u.pests', lead: '林业和草原局', text: '关于加强林业有害生物防治的建议。近年松材线虫病和云杉叶锈病威胁林木，建议加强监测预警，落实防治经费，组建专业防治队伍。' },
  { id: 'u.mediation', lead: '司法局', text: '关于发挥人民调解在基层矛盾化解中作用的建议。村级调解员待遇低、业务能力弱，建议落实调解员补贴，加强培训，推动矛盾纠纷就地化解。' },
  { id: 'u.legalaid', lead: '司法局', text: '关于扩大农村法律援助覆盖面的提案。农民工讨薪、土地纠纷等群众获得法律服务难，建议在乡镇设立法律援助工作站，推行公共法律服务。' },
  { id: 'u.lawedu', lead: '司法局', alsoRight: ['委宣传部'], text: '关于加强农村普法宣传教育的建议。部分村民法治意识淡薄，建议创新普法形式，开展送法下乡，培育农村学法用法示范户。' },
  { id: 'u.veterans', lead: '退役军人事务局', text: '关于做好退役军人就业创业服务的建议。部分退役军人返乡后就业渠道窄，建议开展专项招聘和技能培训，落实创业扶持政策，发挥退役军人服务站作用。' },
  { id: 'u.martyrs', lead: '退役军人事务局', text: '关于加强烈士纪念设施保护管理的提案。部分零散烈士墓年久失修，建议开展集中修缮，落实管护责任，发挥红色教育功能。' },
  { id: 'u.grid', lead: '供电公司', text: '关于加快农村电网改造升级的建议。部分山区村电压不稳，农忙时经常跳闸，建议加快农村电网改造，提升供电可靠性。' },
  { id: 'u.chargers', lead: '供电公司', alsoRight: ['发展和改革委员会'], text: '关于在县城和乡镇布设电动汽车充电桩的提案。电动汽车越来越多，县城和乡镇充电设施缺乏，建议加快充电桩布局和配套电网建设。' },
  { id: 'u.signal', lead: '移动公司', alsoRight: ['工业和信息化局'], text: '关于解决偏远山区手机信号差问题的建议。一些偏远村社移动网络信号弱，群众打电话要跑到山顶，建议加快通信基站建设，实现网络覆盖。' },
  { id: 'u.tech', lead: '科学技术局', text: '关于加强科技特派员服务乡村产业的建议。科技特派员数量少、服务时间短，建议完善科技特派员选派和激励机制，推动科技成果在农村转化。' },
  { id: 'u.hightech', lead: '科学技术局', text: '关于培育高新技术企业促进科技成果转化的提案。我市高新技术企业数量少，研发投入不足，建议加大研发费用补助，建设科技企业孵化器。' },
  { id: 'u.fund', lead: '住房公积金管理中心', text: '关于扩大住房公积金缴存覆盖面的建议。非公企业和灵活就业人员缴存率低，建议推动灵活就业人员自愿缴存，提高公积金贷款额度。' },
  { id: 'u.union', lead: '总工会', text: '关于加强户外劳动者服务站点建设的提案。环卫工人、快递员等户外劳动者休息难、喝水难，建议建设爱心驿站，完善职工服务阵地。' },
  { id: 'u.women', lead: '妇女联合会', text: '关于支持农村妇女居家灵活就业的建议。农村留守妇女照顾家庭难以外出务工，建议发展手工编织等居家就业项目，开展妇女创业培训。' },
  { id: 'u.family', lead: '妇女联合会', alsoRight: ['教育局'], text: '关于加强家庭教育指导服务的提案。部分家长家庭教育观念落后，建议建设家长学校，开展家教家风宣传，完善家庭教育指导服务体系。' },
  { id: 'u.youth', lead: '团委', alsoRight: ['民政局'], text: '关于发展青年志愿服务的建议。青年志愿者队伍不稳定，服务项目少，建议建立志愿服务激励机制，打造青年志愿服务品牌。' },
  { id: 'u.court', lead: '中级人民法院', text: '关于破解民事案件执行难的建议。部分胜诉当事人权益长期得不到兑现，建议加强执行联动，完善失信被执行人联合惩戒，提高执行到位率。' },
  { id: 'u.relapse', lead: '乡村振兴局', text: '关于健全防止返贫动态监测帮扶机制的提案。部分脱贫户收入不稳定，存在返贫风险，建议完善监测预警，精准落实帮扶措施，巩固脱贫攻坚成果。' },
  { id: 'u.relocation', lead: '乡村振兴局', text: '关于做好易地扶贫搬迁后续扶持的建议。部分集中安置点配套产业不足，搬迁群众就业难，建议发展安置点配套产业，落实后续扶持政策。' },
  { id: 'u.hotline', lead: '政务服务中心', text: '关于提升12345政务服务便民热线办理质效的建议。热线诉求转办后有的部门推诿，回复敷衍，建议完善热线考核和督办机制。' },
  { id: 'u.data', lead: '数据局', alsoRight: ['政务服务中心'], text: '关于打破部门数据壁垒推进政务数据共享的提案。各部门业务系统互不联通，群众办事重复提交材料，建议建设统一的政务数据共享平台。' },
  { id: 'u.audit', lead: '审计局', alsoRight: ['财政局'], text: '关于加强乡村振兴专项资金审计监督的建议。部分项目资金拨付慢、使用效益低，建议开展专项资金审计，强化审计整改。' },
  { id: 'u.culture', lead: '委宣传部', alsoRight: ['文化和旅游局'], text: '关于加强新时代文明实践中心建设的提案。部分村级文明实践站活动少，建议整合宣传文化资源，开展移风易俗和精神文明建设。' },
];

export const UNIT_CASES: UnitCase[] = [
  ...EVAL_DOCS.map((d) => ({
    id: d.id, text: `${d.title}。${d.body}`, lead: strip(EXPECTED_LEAD[d.matter].lead), alsoRight: EXPECTED_LEAD[d.matter].alsoRight?.map(strip),
  })),
  ...WRITTEN,
];

/** The 定西 departments with their duties (names as in CITY_UNITS, without the city prefix). */
export const DINGXI_UNITS = CITY_UNITS.map((u) => ({ id: u.name, name: u.name, duties: u.duties }));
