/* gSOAP interface header for the part of ONVIF this project speaks: Device, Media (ver10),
 * Imaging and PTZ (ver20). Written by hand from the ONVIF schemas (onvif.xsd, devicemgmt.wsdl,
 * media.wsdl, imaging.wsdl, ptz.wsdl) instead of running wsdl2h on downloaded WSDL files: the
 * build needs no network, and the generated code stays small. soapcpp2 turns it into the
 * serializers, the client proxies (OnvifClient) and the service classes (onvif-camera-sim).
 *
 * Element order inside every class follows the schema's xs:sequence: ONVIF clients are strict
 * about it. Optional elements are pointers (minOccurs 0), lists are std::vector, and a trailing
 * "0" / "1" gives minOccurs. Extension points (xs:any) are left out: they are optional and
 * gSOAP skips unknown elements on input.
 *
 * This file is not C++. It is read by soapcpp2 only (see core/onvif/CMakeLists.txt).
 */

#import "wsse.h"

//gsoap tt    schema namespace:	http://www.onvif.org/ver10/schema
//gsoap tt    schema elementForm:	qualified
//gsoap tt    schema attributeForm:	unqualified

//gsoap tds   schema namespace:	http://www.onvif.org/ver10/device/wsdl
//gsoap tds   schema elementForm:	qualified
//gsoap tds   schema attributeForm:	unqualified

//gsoap trt   schema namespace:	http://www.onvif.org/ver10/media/wsdl
//gsoap trt   schema elementForm:	qualified
//gsoap trt   schema attributeForm:	unqualified

//gsoap timg  schema namespace:	http://www.onvif.org/ver20/imaging/wsdl
//gsoap timg  schema elementForm:	qualified
//gsoap timg  schema attributeForm:	unqualified

//gsoap tptz  schema namespace:	http://www.onvif.org/ver20/ptz/wsdl
//gsoap tptz  schema elementForm:	qualified
//gsoap tptz  schema attributeForm:	unqualified

// ONVIF fault subcodes (ter:NotAuthorized, ter:InvalidArgVal, ter:ActionNotSupported, ...)
// are QNames in this namespace; declaring it puts the "ter" prefix into the namespace table.
//gsoap ter   schema namespace:	http://www.onvif.org/ver10/error

#import "stlvector.h"
#include <string>

typedef std::string xsd__string;
typedef std::string xsd__anyURI;
typedef std::string xsd__duration;
typedef std::string xsd__token;
typedef std::string tt__ReferenceToken;
typedef std::string tt__Name;
/// Unused by any message; its presence puts the "ter" prefix into the namespace table.
typedef std::string ter__FaultDetail;

/******************************************************************************\
 * tt: common types                                                           *
\******************************************************************************/

enum tt__CapabilityCategory { tt__CapabilityCategory__All, tt__CapabilityCategory__Analytics,
                              tt__CapabilityCategory__Device, tt__CapabilityCategory__Events,
                              tt__CapabilityCategory__Imaging, tt__CapabilityCategory__Media,
                              tt__CapabilityCategory__PTZ };

enum tt__SetDateTimeType { tt__SetDateTimeType__Manual, tt__SetDateTimeType__NTP };

enum tt__NetworkProtocolType { tt__NetworkProtocolType__HTTP, tt__NetworkProtocolType__HTTPS,
                               tt__NetworkProtocolType__RTSP };

enum tt__UserLevel { tt__UserLevel__Administrator, tt__UserLevel__Operator, tt__UserLevel__User,
                     tt__UserLevel__Anonymous, tt__UserLevel__Extended };

enum tt__VideoEncoding { tt__VideoEncoding__JPEG, tt__VideoEncoding__MPEG4,
                         tt__VideoEncoding__H264 };

enum tt__Mpeg4Profile { tt__Mpeg4Profile__SP, tt__Mpeg4Profile__ASP };

enum tt__H264Profile { tt__H264Profile__Baseline, tt__H264Profile__Main,
                       tt__H264Profile__Extended, tt__H264Profile__High };

enum tt__StreamType { tt__StreamType__RTP_Unicast, tt__StreamType__RTP_Multicast };

enum tt__TransportProtocol { tt__TransportProtocol__UDP, tt__TransportProtocol__TCP,
                             tt__TransportProtocol__RTSP, tt__TransportProtocol__HTTP };

enum tt__IPType { tt__IPType__IPv4, tt__IPType__IPv6 };

enum tt__BacklightCompensationMode { tt__BacklightCompensationMode__OFF,
                                     tt__BacklightCompensationMode__ON };

enum tt__ExposureMode { tt__ExposureMode__AUTO, tt__ExposureMode__MANUAL };

enum tt__ExposurePriority { tt__ExposurePriority__LowNoise, tt__ExposurePriority__FrameRate };

enum tt__IrCutFilterMode { tt__IrCutFilterMode__ON, tt__IrCutFilterMode__OFF,
                           tt__IrCutFilterMode__AUTO };

enum tt__WideDynamicMode { tt__WideDynamicMode__OFF, tt__WideDynamicMode__ON };

enum tt__WhiteBalanceMode { tt__WhiteBalanceMode__AUTO, tt__WhiteBalanceMode__MANUAL };

enum tt__MoveStatus { tt__MoveStatus__IDLE, tt__MoveStatus__MOVING, tt__MoveStatus__UNKNOWN };

class tt__Date {
  public:
    int Year 1;
    int Month 1;
    int Day 1;
};

class tt__Time {
  public:
    int Hour 1;
    int Minute 1;
    int Second 1;
};

class tt__DateTime {
  public:
    tt__Time *Time 1;
    tt__Date *Date 1;
};

class tt__TimeZone {
  public:
    std::string TZ 1;
};

class tt__SystemDateTime {
  public:
    enum tt__SetDateTimeType DateTimeType 1;
    bool DaylightSavings 1;
    tt__TimeZone *TimeZone 0;
    tt__DateTime *UTCDateTime 0;
    tt__DateTime *LocalDateTime 0;
};

class tt__OnvifVersion {
  public:
    int Major 1;
    int Minor 1;
};

class tt__DeviceCapabilities {
  public:
    xsd__anyURI XAddr 1;
};

class tt__MediaCapabilities {
  public:
    xsd__anyURI XAddr 1;
};

class tt__ImagingCapabilities {
  public:
    xsd__anyURI XAddr 1;
};

class tt__PTZCapabilities {
  public:
    xsd__anyURI XAddr 1;
};

class tt__Capabilities {
  public:
    tt__DeviceCapabilities *Device 0;
    tt__ImagingCapabilities *Imaging 0;
    tt__MediaCapabilities *Media 0;
    tt__PTZCapabilities *PTZ 0;
};

class tt__NetworkProtocol {
  public:
    enum tt__NetworkProtocolType Name 1;
    bool Enabled 1;
    std::vector<int> Port 1;
};

class tt__User {
  public:
    std::string Username 1;
    std::string *Password 0;
    enum tt__UserLevel UserLevel 1;
};

class tt__IntRectangle {
  public:
    @int x 1;
    @int y 1;
    @int width 1;
    @int height 1;
};

class tt__IntRange {
  public:
    int Min 1;
    int Max 1;
};

class tt__FloatRange {
  public:
    float Min 1;
    float Max 1;
};

class tt__VideoResolution {
  public:
    int Width 1;
    int Height 1;
};

class tt__VideoRateControl {
  public:
    int FrameRateLimit 1;
    int EncodingInterval 1;
    int BitrateLimit 1;
};

class tt__Mpeg4Configuration {
  public:
    int GovLength 1;
    enum tt__Mpeg4Profile Mpeg4Profile 1;
};

class tt__H264Configuration {
  public:
    int GovLength 1;
    enum tt__H264Profile H264Profile 1;
};

class tt__IPAddress {
  public:
    enum tt__IPType Type 1;
    std::string *IPv4Address 0;
    std::string *IPv6Address 0;
};

class tt__MulticastConfiguration {
  public:
    tt__IPAddress *Address 1;
    int Port 1;
    int TTL 1;
    bool AutoStart 1;
};

class tt__VideoSourceConfiguration {
  public:
    @tt__ReferenceToken token 1;
    tt__Name Name 1;
    int UseCount 1;
    tt__ReferenceToken SourceToken 1;
    tt__IntRectangle *Bounds 1;
};

/// tt:VideoSource (a tt:DeviceEntity): Media GetVideoSources. Imaging and Extension (both
/// optional) are left out.
class tt__VideoSource {
  public:
    @tt__ReferenceToken token 1;
    float Framerate 1;
    tt__VideoResolution *Resolution 1;
};

class tt__VideoEncoderConfiguration {
  public:
    @tt__ReferenceToken token 1;
    tt__Name Name 1;
    int UseCount 1;
    enum tt__VideoEncoding Encoding 1;
    tt__VideoResolution *Resolution 1;
    float Quality 1;
    tt__VideoRateControl *RateControl 0;
    tt__Mpeg4Configuration *MPEG4 0;
    tt__H264Configuration *H264 0;
    tt__MulticastConfiguration *Multicast 1;
    xsd__duration SessionTimeout 1;
};

class tt__Vector2D {
  public:
    @float x 1;
    @float y 1;
    @xsd__anyURI *space 0;
};

class tt__Vector1D {
  public:
    @float x 1;
    @xsd__anyURI *space 0;
};

class tt__PTZVector {
  public:
    tt__Vector2D *PanTilt 0;
    tt__Vector1D *Zoom 0;
};

class tt__PTZSpeed {
  public:
    tt__Vector2D *PanTilt 0;
    tt__Vector1D *Zoom 0;
};

class tt__Space2DDescription {
  public:
    xsd__anyURI URI 1;
    tt__FloatRange *XRange 1;
    tt__FloatRange *YRange 1;
};

class tt__Space1DDescription {
  public:
    xsd__anyURI URI 1;
    tt__FloatRange *XRange 1;
};

class tt__PanTiltLimits {
  public:
    tt__Space2DDescription *Range 1;
};

class tt__ZoomLimits {
  public:
    tt__Space1DDescription *Range 1;
};

class tt__PTZConfiguration {
  public:
    @tt__ReferenceToken token 1;
    tt__Name Name 1;
    int UseCount 1;
    tt__ReferenceToken NodeToken 1;
    xsd__anyURI *DefaultAbsolutePantTiltPositionSpace 0;
    xsd__anyURI *DefaultAbsoluteZoomPositionSpace 0;
    xsd__anyURI *DefaultRelativePanTiltTranslationSpace 0;
    xsd__anyURI *DefaultRelativeZoomTranslationSpace 0;
    xsd__anyURI *DefaultContinuousPanTiltVelocitySpace 0;
    xsd__anyURI *DefaultContinuousZoomVelocitySpace 0;
    tt__PTZSpeed *DefaultPTZSpeed 0;
    xsd__duration *DefaultPTZTimeout 0;
    tt__PanTiltLimits *PanTiltLimits 0;
    tt__ZoomLimits *ZoomLimits 0;
};

class tt__Profile {
  public:
    @tt__ReferenceToken token 1;
    @bool *fixed 0;
    tt__Name Name 1;
    tt__VideoSourceConfiguration *VideoSourceConfiguration 0;
    tt__VideoEncoderConfiguration *VideoEncoderConfiguration 0;
    tt__PTZConfiguration *PTZConfiguration 0;
};

class tt__JpegOptions {
  public:
    std::vector<tt__VideoResolution *> ResolutionsAvailable 1;
    tt__IntRange *FrameRateRange 1;
    tt__IntRange *EncodingIntervalRange 1;
};

class tt__Mpeg4Options {
  public:
    std::vector<tt__VideoResolution *> ResolutionsAvailable 1;
    tt__IntRange *GovLengthRange 1;
    tt__IntRange *FrameRateRange 1;
    tt__IntRange *EncodingIntervalRange 1;
    std::vector<enum tt__Mpeg4Profile> Mpeg4ProfilesSupported 0;
};

class tt__H264Options {
  public:
    std::vector<tt__VideoResolution *> ResolutionsAvailable 1;
    tt__IntRange *GovLengthRange 1;
    tt__IntRange *FrameRateRange 1;
    tt__IntRange *EncodingIntervalRange 1;
    std::vector<enum tt__H264Profile> H264ProfilesSupported 0;
};

/// tt:JpegOptions2 (JpegOptions + BitrateRange). Written out rather than derived, so that no
/// xsi:type is needed on the wire.
class tt__JpegOptions2 {
  public:
    std::vector<tt__VideoResolution *> ResolutionsAvailable 1;
    tt__IntRange *FrameRateRange 1;
    tt__IntRange *EncodingIntervalRange 1;
    tt__IntRange *BitrateRange 1;
};

class tt__Mpeg4Options2 {
  public:
    std::vector<tt__VideoResolution *> ResolutionsAvailable 1;
    tt__IntRange *GovLengthRange 1;
    tt__IntRange *FrameRateRange 1;
    tt__IntRange *EncodingIntervalRange 1;
    std::vector<enum tt__Mpeg4Profile> Mpeg4ProfilesSupported 0;
    tt__IntRange *BitrateRange 1;
};

class tt__H264Options2 {
  public:
    std::vector<tt__VideoResolution *> ResolutionsAvailable 1;
    tt__IntRange *GovLengthRange 1;
    tt__IntRange *FrameRateRange 1;
    tt__IntRange *EncodingIntervalRange 1;
    std::vector<enum tt__H264Profile> H264ProfilesSupported 0;
    tt__IntRange *BitrateRange 1;
};

class tt__VideoEncoderOptionsExtension {
  public:
    tt__JpegOptions2 *JPEG 0;
    tt__Mpeg4Options2 *MPEG4 0;
    tt__H264Options2 *H264 0;
};

class tt__VideoEncoderConfigurationOptions {
  public:
    tt__IntRange *QualityRange 1;
    tt__JpegOptions *JPEG 0;
    tt__Mpeg4Options *MPEG4 0;
    tt__H264Options *H264 0;
    tt__VideoEncoderOptionsExtension *Extension 0;
};

class tt__Transport {
  public:
    enum tt__TransportProtocol Protocol 1;
};

class tt__StreamSetup {
  public:
    enum tt__StreamType Stream 1;
    tt__Transport *Transport 1;
};

class tt__MediaUri {
  public:
    xsd__anyURI Uri 1;
    bool InvalidAfterConnect 1;
    bool InvalidAfterReboot 1;
    xsd__duration Timeout 1;
};

/* Imaging (ver20 schema types live in the tt namespace too) */

class tt__BacklightCompensation20 {
  public:
    enum tt__BacklightCompensationMode Mode 1;
    float *Level 0;
};

class tt__Exposure20 {
  public:
    enum tt__ExposureMode Mode 1;
    enum tt__ExposurePriority *Priority 0;
    float *MinExposureTime 0;
    float *MaxExposureTime 0;
    float *MinGain 0;
    float *MaxGain 0;
    float *MinIris 0;
    float *MaxIris 0;
    float *ExposureTime 0;
    float *Gain 0;
    float *Iris 0;
};

class tt__WideDynamicRange20 {
  public:
    enum tt__WideDynamicMode Mode 1;
    float *Level 0;
};

class tt__WhiteBalance20 {
  public:
    enum tt__WhiteBalanceMode Mode 1;
    float *CrGain 0;
    float *CbGain 0;
};

class tt__ImagingSettings20 {
  public:
    tt__BacklightCompensation20 *BacklightCompensation 0;
    float *Brightness 0;
    float *ColorSaturation 0;
    float *Contrast 0;
    tt__Exposure20 *Exposure 0;
    enum tt__IrCutFilterMode *IrCutFilter 0;
    float *Sharpness 0;
    tt__WideDynamicRange20 *WideDynamicRange 0;
    tt__WhiteBalance20 *WhiteBalance 0;
};

class tt__BacklightCompensationOptions20 {
  public:
    std::vector<enum tt__BacklightCompensationMode> Mode 1;
    tt__FloatRange *Level 0;
};

class tt__ExposureOptions20 {
  public:
    std::vector<enum tt__ExposureMode> Mode 1;
    std::vector<enum tt__ExposurePriority> Priority 0;
    tt__FloatRange *MinExposureTime 0;
    tt__FloatRange *MaxExposureTime 0;
    tt__FloatRange *MinGain 0;
    tt__FloatRange *MaxGain 0;
    tt__FloatRange *MinIris 0;
    tt__FloatRange *MaxIris 0;
    tt__FloatRange *ExposureTime 0;
    tt__FloatRange *Gain 0;
    tt__FloatRange *Iris 0;
};

class tt__WideDynamicRangeOptions20 {
  public:
    std::vector<enum tt__WideDynamicMode> Mode 1;
    tt__FloatRange *Level 0;
};

class tt__WhiteBalanceOptions20 {
  public:
    std::vector<enum tt__WhiteBalanceMode> Mode 1;
    tt__FloatRange *YrGain 0;
    tt__FloatRange *YbGain 0;
};

class tt__ImagingOptions20 {
  public:
    tt__BacklightCompensationOptions20 *BacklightCompensation 0;
    tt__FloatRange *Brightness 0;
    tt__FloatRange *ColorSaturation 0;
    tt__FloatRange *Contrast 0;
    tt__ExposureOptions20 *Exposure 0;
    std::vector<enum tt__IrCutFilterMode> IrCutFilterModes 0;
    tt__FloatRange *Sharpness 0;
    tt__WideDynamicRangeOptions20 *WideDynamicRange 0;
    tt__WhiteBalanceOptions20 *WhiteBalance 0;
};

/* PTZ */

class tt__PTZPreset {
  public:
    @tt__ReferenceToken *token 0;
    tt__Name *Name 0;
    tt__PTZVector *PTZPosition 0;
};

class tt__PTZMoveStatus {
  public:
    enum tt__MoveStatus *PanTilt 0;
    enum tt__MoveStatus *Zoom 0;
};

class tt__PTZStatus {
  public:
    tt__PTZVector *Position 0;
    tt__PTZMoveStatus *MoveStatus 0;
    std::string *Error 0;
    time_t UtcTime 1;
};

class tt__PTZSpaces {
  public:
    std::vector<tt__Space2DDescription *> AbsolutePanTiltPositionSpace 0;
    std::vector<tt__Space1DDescription *> AbsoluteZoomPositionSpace 0;
    std::vector<tt__Space2DDescription *> RelativePanTiltTranslationSpace 0;
    std::vector<tt__Space1DDescription *> RelativeZoomTranslationSpace 0;
    std::vector<tt__Space2DDescription *> ContinuousPanTiltVelocitySpace 0;
    std::vector<tt__Space1DDescription *> ContinuousZoomVelocitySpace 0;
    std::vector<tt__Space1DDescription *> PanTiltSpeedSpace 0;
    std::vector<tt__Space1DDescription *> ZoomSpeedSpace 0;
};

class tt__PTZNode {
  public:
    @tt__ReferenceToken token 1;
    @bool *FixedHomePosition 0;
    tt__Name *Name 0;
    tt__PTZSpaces *SupportedPTZSpaces 1;
    int MaximumNumberOfPresets 1;
    bool HomeSupported 1;
};

/******************************************************************************\
 * tds: Device service                                                        *
\******************************************************************************/

class tds__Service {
  public:
    xsd__anyURI Namespace 1;
    xsd__anyURI XAddr 1;
    tt__OnvifVersion *Version 1;
};

class _tds__GetDeviceInformation {
  public:
    struct soap *soap;
};
class _tds__GetDeviceInformationResponse {
  public:
    std::string Manufacturer 1;
    std::string Model 1;
    std::string FirmwareVersion 1;
    std::string SerialNumber 1;
    std::string HardwareId 1;
};

class _tds__GetSystemDateAndTime {
  public:
    struct soap *soap;
};
class _tds__GetSystemDateAndTimeResponse {
  public:
    tt__SystemDateTime *SystemDateAndTime 1;
};

class _tds__GetCapabilities {
  public:
    std::vector<enum tt__CapabilityCategory> Category 0;
};
class _tds__GetCapabilitiesResponse {
  public:
    tt__Capabilities *Capabilities 1;
};

class _tds__GetServices {
  public:
    bool IncludeCapability 1;
};
class _tds__GetServicesResponse {
  public:
    std::vector<tds__Service *> Service 1;
};

class _tds__GetNetworkProtocols {
  public:
    struct soap *soap;
};
class _tds__GetNetworkProtocolsResponse {
  public:
    std::vector<tt__NetworkProtocol *> NetworkProtocols 0;
};

class _tds__SetNetworkProtocols {
  public:
    std::vector<tt__NetworkProtocol *> NetworkProtocols 1;
};
class _tds__SetNetworkProtocolsResponse {
  public:
    struct soap *soap;
};

class _tds__GetUsers {
  public:
    struct soap *soap;
};
class _tds__GetUsersResponse {
  public:
    std::vector<tt__User *> User 0;
};

class _tds__SetUser {
  public:
    std::vector<tt__User *> User 1;
};
class _tds__SetUserResponse {
  public:
    struct soap *soap;
};

//gsoap tds service name: DeviceBinding
//gsoap tds service type: Device
//gsoap tds service namespace: http://www.onvif.org/ver10/device/wsdl

//gsoap tds service method-protocol: GetDeviceInformation SOAP
//gsoap tds service method-style: GetDeviceInformation document
//gsoap tds service method-encoding: GetDeviceInformation literal
//gsoap tds service method-action: GetDeviceInformation http://www.onvif.org/ver10/device/wsdl/GetDeviceInformation
int __tds__GetDeviceInformation(_tds__GetDeviceInformation *tds__GetDeviceInformation,
                                _tds__GetDeviceInformationResponse &tds__GetDeviceInformationResponse);

//gsoap tds service method-protocol: GetSystemDateAndTime SOAP
//gsoap tds service method-style: GetSystemDateAndTime document
//gsoap tds service method-encoding: GetSystemDateAndTime literal
//gsoap tds service method-action: GetSystemDateAndTime http://www.onvif.org/ver10/device/wsdl/GetSystemDateAndTime
int __tds__GetSystemDateAndTime(_tds__GetSystemDateAndTime *tds__GetSystemDateAndTime,
                                _tds__GetSystemDateAndTimeResponse &tds__GetSystemDateAndTimeResponse);

//gsoap tds service method-protocol: GetCapabilities SOAP
//gsoap tds service method-style: GetCapabilities document
//gsoap tds service method-encoding: GetCapabilities literal
//gsoap tds service method-action: GetCapabilities http://www.onvif.org/ver10/device/wsdl/GetCapabilities
int __tds__GetCapabilities(_tds__GetCapabilities *tds__GetCapabilities,
                           _tds__GetCapabilitiesResponse &tds__GetCapabilitiesResponse);

//gsoap tds service method-protocol: GetServices SOAP
//gsoap tds service method-style: GetServices document
//gsoap tds service method-encoding: GetServices literal
//gsoap tds service method-action: GetServices http://www.onvif.org/ver10/device/wsdl/GetServices
int __tds__GetServices(_tds__GetServices *tds__GetServices,
                       _tds__GetServicesResponse &tds__GetServicesResponse);

//gsoap tds service method-protocol: GetNetworkProtocols SOAP
//gsoap tds service method-style: GetNetworkProtocols document
//gsoap tds service method-encoding: GetNetworkProtocols literal
//gsoap tds service method-action: GetNetworkProtocols http://www.onvif.org/ver10/device/wsdl/GetNetworkProtocols
int __tds__GetNetworkProtocols(_tds__GetNetworkProtocols *tds__GetNetworkProtocols,
                               _tds__GetNetworkProtocolsResponse &tds__GetNetworkProtocolsResponse);

//gsoap tds service method-protocol: SetNetworkProtocols SOAP
//gsoap tds service method-style: SetNetworkProtocols document
//gsoap tds service method-encoding: SetNetworkProtocols literal
//gsoap tds service method-action: SetNetworkProtocols http://www.onvif.org/ver10/device/wsdl/SetNetworkProtocols
int __tds__SetNetworkProtocols(_tds__SetNetworkProtocols *tds__SetNetworkProtocols,
                               _tds__SetNetworkProtocolsResponse &tds__SetNetworkProtocolsResponse);

//gsoap tds service method-protocol: GetUsers SOAP
//gsoap tds service method-style: GetUsers document
//gsoap tds service method-encoding: GetUsers literal
//gsoap tds service method-action: GetUsers http://www.onvif.org/ver10/device/wsdl/GetUsers
int __tds__GetUsers(_tds__GetUsers *tds__GetUsers, _tds__GetUsersResponse &tds__GetUsersResponse);

//gsoap tds service method-protocol: SetUser SOAP
//gsoap tds service method-style: SetUser document
//gsoap tds service method-encoding: SetUser literal
//gsoap tds service method-action: SetUser http://www.onvif.org/ver10/device/wsdl/SetUser
int __tds__SetUser(_tds__SetUser *tds__SetUser, _tds__SetUserResponse &tds__SetUserResponse);

/******************************************************************************\
 * trt: Media service                                                         *
\******************************************************************************/

class _trt__GetProfiles {
  public:
    struct soap *soap;
};
class _trt__GetProfilesResponse {
  public:
    std::vector<tt__Profile *> Profiles 0;
};

class _trt__GetVideoSources {
  public:
    struct soap *soap;
};
class _trt__GetVideoSourcesResponse {
  public:
    std::vector<tt__VideoSource *> VideoSources 0;
};

class _trt__GetVideoEncoderConfigurations {
  public:
    struct soap *soap;
};
class _trt__GetVideoEncoderConfigurationsResponse {
  public:
    std::vector<tt__VideoEncoderConfiguration *> Configurations 0;
};

class _trt__GetVideoEncoderConfigurationOptions {
  public:
    tt__ReferenceToken *ConfigurationToken 0;
    tt__ReferenceToken *ProfileToken 0;
};
class _trt__GetVideoEncoderConfigurationOptionsResponse {
  public:
    tt__VideoEncoderConfigurationOptions *Options 1;
};

class _trt__SetVideoEncoderConfiguration {
  public:
    tt__VideoEncoderConfiguration *Configuration 1;
    bool ForcePersistence 1;
};
class _trt__SetVideoEncoderConfigurationResponse {
  public:
    struct soap *soap;
};

class _trt__GetStreamUri {
  public:
    tt__StreamSetup *StreamSetup 1;
    tt__ReferenceToken ProfileToken 1;
};
class _trt__GetStreamUriResponse {
  public:
    tt__MediaUri *MediaUri 1;
};

class _trt__GetSnapshotUri {
  public:
    tt__ReferenceToken ProfileToken 1;
};
class _trt__GetSnapshotUriResponse {
  public:
    tt__MediaUri *MediaUri 1;
};

//gsoap trt service name: MediaBinding
//gsoap trt service type: Media
//gsoap trt service namespace: http://www.onvif.org/ver10/media/wsdl

//gsoap trt service method-protocol: GetProfiles SOAP
//gsoap trt service method-style: GetProfiles document
//gsoap trt service method-encoding: GetProfiles literal
//gsoap trt service method-action: GetProfiles http://www.onvif.org/ver10/media/wsdl/GetProfiles
int __trt__GetProfiles(_trt__GetProfiles *trt__GetProfiles,
                       _trt__GetProfilesResponse &trt__GetProfilesResponse);

//gsoap trt service method-protocol: GetVideoSources SOAP
//gsoap trt service method-style: GetVideoSources document
//gsoap trt service method-encoding: GetVideoSources literal
//gsoap trt service method-action: GetVideoSources http://www.onvif.org/ver10/media/wsdl/GetVideoSources
int __trt__GetVideoSources(_trt__GetVideoSources *trt__GetVideoSources,
                           _trt__GetVideoSourcesResponse &trt__GetVideoSourcesResponse);

//gsoap trt service method-protocol: GetVideoEncoderConfigurations SOAP
//gsoap trt service method-style: GetVideoEncoderConfigurations document
//gsoap trt service method-encoding: GetVideoEncoderConfigurations literal
//gsoap trt service method-action: GetVideoEncoderConfigurations http://www.onvif.org/ver10/media/wsdl/GetVideoEncoderConfigurations
int __trt__GetVideoEncoderConfigurations(
    _trt__GetVideoEncoderConfigurations *trt__GetVideoEncoderConfigurations,
    _trt__GetVideoEncoderConfigurationsResponse &trt__GetVideoEncoderConfigurationsResponse);

//gsoap trt service method-protocol: GetVideoEncoderConfigurationOptions SOAP
//gsoap trt service method-style: GetVideoEncoderConfigurationOptions document
//gsoap trt service method-encoding: GetVideoEncoderConfigurationOptions literal
//gsoap trt service method-action: GetVideoEncoderConfigurationOptions http://www.onvif.org/ver10/media/wsdl/GetVideoEncoderConfigurationOptions
int __trt__GetVideoEncoderConfigurationOptions(
    _trt__GetVideoEncoderConfigurationOptions *trt__GetVideoEncoderConfigurationOptions,
    _trt__GetVideoEncoderConfigurationOptionsResponse
        &trt__GetVideoEncoderConfigurationOptionsResponse);

//gsoap trt service method-protocol: SetVideoEncoderConfiguration SOAP
//gsoap trt service method-style: SetVideoEncoderConfiguration document
//gsoap trt service method-encoding: SetVideoEncoderConfiguration literal
//gsoap trt service method-action: SetVideoEncoderConfiguration http://www.onvif.org/ver10/media/wsdl/SetVideoEncoderConfiguration
int __trt__SetVideoEncoderConfiguration(
    _trt__SetVideoEncoderConfiguration *trt__SetVideoEncoderConfiguration,
    _trt__SetVideoEncoderConfigurationResponse &trt__SetVideoEncoderConfigurationResponse);

//gsoap trt service method-protocol: GetStreamUri SOAP
//gsoap trt service method-style: GetStreamUri document
//gsoap trt service method-encoding: GetStreamUri literal
//gsoap trt service method-action: GetStreamUri http://www.onvif.org/ver10/media/wsdl/GetStreamUri
int __trt__GetStreamUri(_trt__GetStreamUri *trt__GetStreamUri,
                        _trt__GetStreamUriResponse &trt__GetStreamUriResponse);

//gsoap trt service method-protocol: GetSnapshotUri SOAP
//gsoap trt service method-style: GetSnapshotUri document
//gsoap trt service method-encoding: GetSnapshotUri literal
//gsoap trt service method-action: GetSnapshotUri http://www.onvif.org/ver10/media/wsdl/GetSnapshotUri
int __trt__GetSnapshotUri(_trt__GetSnapshotUri *trt__GetSnapshotUri,
                          _trt__GetSnapshotUriResponse &trt__GetSnapshotUriResponse);

/******************************************************************************\
 * timg: Imaging service                                                      *
\******************************************************************************/

class _timg__GetImagingSettings {
  public:
    tt__ReferenceToken VideoSourceToken 1;
};
class _timg__GetImagingSettingsResponse {
  public:
    tt__ImagingSettings20 *ImagingSettings 1;
};

class _timg__SetImagingSettings {
  public:
    tt__ReferenceToken VideoSourceToken 1;
    tt__ImagingSettings20 *ImagingSettings 1;
    bool *ForcePersistence 0;
};
class _timg__SetImagingSettingsResponse {
  public:
    struct soap *soap;
};

class _timg__GetOptions {
  public:
    tt__ReferenceToken VideoSourceToken 1;
};
class _timg__GetOptionsResponse {
  public:
    tt__ImagingOptions20 *ImagingOptions 1;
};

//gsoap timg service name: ImagingBinding
//gsoap timg service type: Imaging
//gsoap timg service namespace: http://www.onvif.org/ver20/imaging/wsdl

//gsoap timg service method-protocol: GetImagingSettings SOAP
//gsoap timg service method-style: GetImagingSettings document
//gsoap timg service method-encoding: GetImagingSettings literal
//gsoap timg service method-action: GetImagingSettings http://www.onvif.org/ver20/imaging/wsdl/GetImagingSettings
int __timg__GetImagingSettings(_timg__GetImagingSettings *timg__GetImagingSettings,
                               _timg__GetImagingSettingsResponse &timg__GetImagingSettingsResponse);

//gsoap timg service method-protocol: SetImagingSettings SOAP
//gsoap timg service method-style: SetImagingSettings document
//gsoap timg service method-encoding: SetImagingSettings literal
//gsoap timg service method-action: SetImagingSettings http://www.onvif.org/ver20/imaging/wsdl/SetImagingSettings
int __timg__SetImagingSettings(_timg__SetImagingSettings *timg__SetImagingSettings,
                               _timg__SetImagingSettingsResponse &timg__SetImagingSettingsResponse);

//gsoap timg service method-protocol: GetOptions SOAP
//gsoap timg service method-style: GetOptions document
//gsoap timg service method-encoding: GetOptions literal
//gsoap timg service method-action: GetOptions http://www.onvif.org/ver20/imaging/wsdl/GetOptions
int __timg__GetOptions(_timg__GetOptions *timg__GetOptions,
                       _timg__GetOptionsResponse &timg__GetOptionsResponse);

/******************************************************************************\
 * tptz: PTZ service                                                          *
\******************************************************************************/

class _tptz__GetConfigurations {
  public:
    struct soap *soap;
};
class _tptz__GetConfigurationsResponse {
  public:
    std::vector<tt__PTZConfiguration *> PTZConfiguration 0;
};

class _tptz__GetNodes {
  public:
    struct soap *soap;
};
class _tptz__GetNodesResponse {
  public:
    std::vector<tt__PTZNode *> PTZNode 0;
};

class _tptz__GetStatus {
  public:
    tt__ReferenceToken ProfileToken 1;
};
class _tptz__GetStatusResponse {
  public:
    tt__PTZStatus *PTZStatus 1;
};

class _tptz__ContinuousMove {
  public:
    tt__ReferenceToken ProfileToken 1;
    tt__PTZSpeed *Velocity 1;
    xsd__duration *Timeout 0;
};
class _tptz__ContinuousMoveResponse {
  public:
    struct soap *soap;
};

class _tptz__RelativeMove {
  public:
    tt__ReferenceToken ProfileToken 1;
    tt__PTZVector *Translation 1;
    tt__PTZSpeed *Speed 0;
};
class _tptz__RelativeMoveResponse {
  public:
    struct soap *soap;
};

class _tptz__AbsoluteMove {
  public:
    tt__ReferenceToken ProfileToken 1;
    tt__PTZVector *Position 1;
    tt__PTZSpeed *Speed 0;
};
class _tptz__AbsoluteMoveResponse {
  public:
    struct soap *soap;
};

class _tptz__Stop {
  public:
    tt__ReferenceToken ProfileToken 1;
    bool *PanTilt 0;
    bool *Zoom 0;
};
class _tptz__StopResponse {
  public:
    struct soap *soap;
};

class _tptz__GetPresets {
  public:
    tt__ReferenceToken ProfileToken 1;
};
class _tptz__GetPresetsResponse {
  public:
    std::vector<tt__PTZPreset *> Preset 0;
};

class _tptz__SetPreset {
  public:
    tt__ReferenceToken ProfileToken 1;
    std::string *PresetName 0;
    tt__ReferenceToken *PresetToken 0;
};
class _tptz__SetPresetResponse {
  public:
    tt__ReferenceToken PresetToken 1;
};

class _tptz__RemovePreset {
  public:
    tt__ReferenceToken ProfileToken 1;
    tt__ReferenceToken PresetToken 1;
};
class _tptz__RemovePresetResponse {
  public:
    struct soap *soap;
};

class _tptz__GotoPreset {
  public:
    tt__ReferenceToken ProfileToken 1;
    tt__ReferenceToken PresetToken 1;
    tt__PTZSpeed *Speed 0;
};
class _tptz__GotoPresetResponse {
  public:
    struct soap *soap;
};

class _tptz__SetHomePosition {
  public:
    tt__ReferenceToken ProfileToken 1;
};
class _tptz__SetHomePositionResponse {
  public:
    struct soap *soap;
};

class _tptz__GotoHomePosition {
  public:
    tt__ReferenceToken ProfileToken 1;
    tt__PTZSpeed *Speed 0;
};
class _tptz__GotoHomePositionResponse {
  public:
    struct soap *soap;
};

//gsoap tptz service name: PTZBinding
//gsoap tptz service type: PTZ
//gsoap tptz service namespace: http://www.onvif.org/ver20/ptz/wsdl

//gsoap tptz service method-protocol: GetConfigurations SOAP
//gsoap tptz service method-style: GetConfigurations document
//gsoap tptz service method-encoding: GetConfigurations literal
//gsoap tptz service method-action: GetConfigurations http://www.onvif.org/ver20/ptz/wsdl/GetConfigurations
int __tptz__GetConfigurations(_tptz__GetConfigurations *tptz__GetConfigurations,
                              _tptz__GetConfigurationsResponse &tptz__GetConfigurationsResponse);

//gsoap tptz service method-protocol: GetNodes SOAP
//gsoap tptz service method-style: GetNodes document
//gsoap tptz service method-encoding: GetNodes literal
//gsoap tptz service method-action: GetNodes http://www.onvif.org/ver20/ptz/wsdl/GetNodes
int __tptz__GetNodes(_tptz__GetNodes *tptz__GetNodes, _tptz__GetNodesResponse &tptz__GetNodesResponse);

//gsoap tptz service method-protocol: GetStatus SOAP
//gsoap tptz service method-style: GetStatus document
//gsoap tptz service method-encoding: GetStatus literal
//gsoap tptz service method-action: GetStatus http://www.onvif.org/ver20/ptz/wsdl/GetStatus
int __tptz__GetStatus(_tptz__GetStatus *tptz__GetStatus,
                      _tptz__GetStatusResponse &tptz__GetStatusResponse);

//gsoap tptz service method-protocol: ContinuousMove SOAP
//gsoap tptz service method-style: ContinuousMove document
//gsoap tptz service method-encoding: ContinuousMove literal
//gsoap tptz service method-action: ContinuousMove http://www.onvif.org/ver20/ptz/wsdl/ContinuousMove
int __tptz__ContinuousMove(_tptz__ContinuousMove *tptz__ContinuousMove,
                           _tptz__ContinuousMoveResponse &tptz__ContinuousMoveResponse);

//gsoap tptz service method-protocol: RelativeMove SOAP
//gsoap tptz service method-style: RelativeMove document
//gsoap tptz service method-encoding: RelativeMove literal
//gsoap tptz service method-action: RelativeMove http://www.onvif.org/ver20/ptz/wsdl/RelativeMove
int __tptz__RelativeMove(_tptz__RelativeMove *tptz__RelativeMove,
                         _tptz__RelativeMoveResponse &tptz__RelativeMoveResponse);

//gsoap tptz service method-protocol: AbsoluteMove SOAP
//gsoap tptz service method-style: AbsoluteMove document
//gsoap tptz service method-encoding: AbsoluteMove literal
//gsoap tptz service method-action: AbsoluteMove http://www.onvif.org/ver20/ptz/wsdl/AbsoluteMove
int __tptz__AbsoluteMove(_tptz__AbsoluteMove *tptz__AbsoluteMove,
                         _tptz__AbsoluteMoveResponse &tptz__AbsoluteMoveResponse);

//gsoap tptz service method-protocol: Stop SOAP
//gsoap tptz service method-style: Stop document
//gsoap tptz service method-encoding: Stop literal
//gsoap tptz service method-action: Stop http://www.onvif.org/ver20/ptz/wsdl/Stop
int __tptz__Stop(_tptz__Stop *tptz__Stop, _tptz__StopResponse &tptz__StopResponse);

//gsoap tptz service method-protocol: GetPresets SOAP
//gsoap tptz service method-style: GetPresets document
//gsoap tptz service method-encoding: GetPresets literal
//gsoap tptz service method-action: GetPresets http://www.onvif.org/ver20/ptz/wsdl/GetPresets
int __tptz__GetPresets(_tptz__GetPresets *tptz__GetPresets,
                       _tptz__GetPresetsResponse &tptz__GetPresetsResponse);

//gsoap tptz service method-protocol: SetPreset SOAP
//gsoap tptz service method-style: SetPreset document
//gsoap tptz service method-encoding: SetPreset literal
//gsoap tptz service method-action: SetPreset http://www.onvif.org/ver20/ptz/wsdl/SetPreset
int __tptz__SetPreset(_tptz__SetPreset *tptz__SetPreset,
                      _tptz__SetPresetResponse &tptz__SetPresetResponse);

//gsoap tptz service method-protocol: RemovePreset SOAP
//gsoap tptz service method-style: RemovePreset document
//gsoap tptz service method-encoding: RemovePreset literal
//gsoap tptz service method-action: RemovePreset http://www.onvif.org/ver20/ptz/wsdl/RemovePreset
int __tptz__RemovePreset(_tptz__RemovePreset *tptz__RemovePreset,
                         _tptz__RemovePresetResponse &tptz__RemovePresetResponse);

//gsoap tptz service method-protocol: GotoPreset SOAP
//gsoap tptz service method-style: GotoPreset document
//gsoap tptz service method-encoding: GotoPreset literal
//gsoap tptz service method-action: GotoPreset http://www.onvif.org/ver20/ptz/wsdl/GotoPreset
int __tptz__GotoPreset(_tptz__GotoPreset *tptz__GotoPreset,
                       _tptz__GotoPresetResponse &tptz__GotoPresetResponse);

//gsoap tptz service method-protocol: SetHomePosition SOAP
//gsoap tptz service method-style: SetHomePosition document
//gsoap tptz service method-encoding: SetHomePosition literal
//gsoap tptz service method-action: SetHomePosition http://www.onvif.org/ver20/ptz/wsdl/SetHomePosition
int __tptz__SetHomePosition(_tptz__SetHomePosition *tptz__SetHomePosition,
                            _tptz__SetHomePositionResponse &tptz__SetHomePositionResponse);

//gsoap tptz service method-protocol: GotoHomePosition SOAP
//gsoap tptz service method-style: GotoHomePosition document
//gsoap tptz service method-encoding: GotoHomePosition literal
//gsoap tptz service method-action: GotoHomePosition http://www.onvif.org/ver20/ptz/wsdl/GotoHomePosition
int __tptz__GotoHomePosition(_tptz__GotoHomePosition *tptz__GotoHomePosition,
                             _tptz__GotoHomePositionResponse &tptz__GotoHomePositionResponse);
