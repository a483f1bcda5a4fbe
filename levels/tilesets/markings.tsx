<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="markings" tilewidth="32" tileheight="32" tilecount="24" columns="8">
 <image source="../../assets/tiles/markings.png" width="256" height="96"/>
 <tile id="0" type="dash_w"/>
 <tile id="1" type="dash_n"/>
 <tile id="2" type="solid_w"/>
 <tile id="3" type="solid_n"/>
 <tile id="4" type="yellow_w"/>
 <tile id="5" type="yellow_n"/>
 <tile id="6" type="double_yellow_w"/>
 <tile id="7" type="double_yellow_n"/>
 <tile id="8" type="bay_w"/>
 <tile id="9" type="bay_n"/>
 <tile id="10" type="crosswalk_v"/>
 <tile id="11" type="crosswalk_h"/>
 <tile id="12" type="stop_n"/>
 <tile id="13" type="stop_e"/>
 <tile id="14" type="stop_s"/>
 <tile id="15" type="stop_w"/>
 <tile id="16" type="arrow_n"/>
 <tile id="17" type="arrow_e"/>
 <tile id="18" type="arrow_s"/>
 <tile id="19" type="arrow_w"/>
 <tile id="20" type="hatch_yellow"/>
 <tile id="21" type="hatch_white"/>
</tileset>
